package io.hns.model.hpa;

/**
 * The kube-controller-manager flags the HPA controller reads (pkg/controller/podautoscaler/config).
 *
 * @param tolerance {@code --horizontal-pod-autoscaler-tolerance}
 * @param cpuInitializationPeriodMs {@code --horizontal-pod-autoscaler-cpu-initialization-period}
 * @param initialReadinessDelayMs {@code --horizontal-pod-autoscaler-initial-readiness-delay}
 * @param downscaleStabilizationMs {@code --horizontal-pod-autoscaler-downscale-stabilization}
 * @param syncPeriodMs {@code --horizontal-pod-autoscaler-sync-period}
 */
public record HpaControllerConfig(
    double tolerance,
    long cpuInitializationPeriodMs,
    long initialReadinessDelayMs,
    long downscaleStabilizationMs,
    long syncPeriodMs) {

  /** The defaults of config/v1alpha1/defaults.go, which AKS does not change. */
  public static final HpaControllerConfig DEFAULTS =
      new HpaControllerConfig(0.1, 5 * 60_000L, 30_000L, 5 * 60_000L, 15_000L);

  /** The tolerances for one HPA: its own per-direction values where set, else the flag. */
  public Tolerances tolerancesFor(HpaSpec spec) {
    if (spec.behavior() == null) {
      return new Tolerances(tolerance, tolerance);
    }
    Double down = spec.behavior().scaleDown().tolerance();
    Double up = spec.behavior().scaleUp().tolerance();
    return new Tolerances(down == null ? tolerance : down, up == null ? tolerance : up);
  }
}
