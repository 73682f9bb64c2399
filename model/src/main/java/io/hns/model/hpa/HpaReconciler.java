package io.hns.model.hpa;

import io.hns.model.cluster.Pod;
import java.util.List;

/**
 * horizontal.go reconcileAutoscaler without the API calls: given the target's current count, its
 * pods and their samples, decide the new count. The simulator calls this every sync period
 * (15 s) and keeps the returned history for the next call.
 */
public final class HpaReconciler {
  private final MetricsEvaluator evaluator;
  private final HpaNormalizer normalizer;

  public HpaReconciler(HpaControllerConfig config) {
    this.evaluator = new MetricsEvaluator(config);
    this.normalizer = new HpaNormalizer(config);
  }

  /**
   * @param currentReplicas the scale subresource's {@code spec.replicas}
   * @param pods the pods in the HPA's namespace matching the target's selector
   * @param samples the metrics API's samples for those pods
   */
  public HpaDecision reconcile(HpaSpec spec, int currentReplicas, List<Pod> pods, List<PodUsage> samples,
      HpaHistory history, long now) {
    return reconcile(spec, currentReplicas, () -> evaluator.evaluate(spec, currentReplicas, pods, samples, now),
        history, now);
  }

  /**
   * {@link #reconcile} with samples given per pod: {@code sampleOf[i]} is the sample of
   * {@code pods.get(i)} or null, and the pods' names are distinct. The same decision as
   * {@code reconcile} with the non-null samples in order, without building maps in the common case.
   */
  public HpaDecision reconcileAligned(HpaSpec spec, int currentReplicas, List<Pod> pods, PodUsage[] sampleOf,
      HpaHistory history, long now) {
    return reconcile(spec, currentReplicas, () -> evaluator.evaluateAligned(spec, currentReplicas, pods, sampleOf, now),
        history, now);
  }

  private HpaDecision reconcile(HpaSpec spec, int currentReplicas,
      java.util.function.Supplier<MetricsRecommendation> evaluation, HpaHistory history, long now) {
    HpaHistory h = history.withInitialRecommendation(currentReplicas, now);
    if (currentReplicas == 0 && spec.minReplicas() != 0) {
      // Someone scaled the target to zero by hand: the HPA stands aside until it is scaled up again.
      return new HpaDecision(0, 0, false, "scaling is disabled since the replica count of the target is zero",
          null, null, h);
    }
    if (currentReplicas > spec.maxReplicas()) {
      return rescaled(spec, currentReplicas, spec.maxReplicas(), "Current number of replicas above Spec.MaxReplicas",
          null, null, h, now);
    }
    if (currentReplicas < spec.minReplicas()) {
      return rescaled(spec, currentReplicas, spec.minReplicas(), "Current number of replicas below Spec.MinReplicas",
          null, null, h, now);
    }
    MetricsRecommendation metrics = evaluation.get();
    if (!metrics.usable()) {
      return new HpaDecision(currentReplicas, currentReplicas, false, metrics.error(), metrics, null, h);
    }
    int proposed = Math.max(0, metrics.replicas());
    String reason = proposed > currentReplicas ? metrics.decisive().metric() + " above target"
        : proposed < currentReplicas ? "All metrics below target" : "";
    Normalization n = normalizer.normalize(spec, currentReplicas, proposed, h, now);
    return rescaled(spec, currentReplicas, n.desiredReplicas(), reason, metrics, n, n.history(), now);
  }

  private static HpaDecision rescaled(HpaSpec spec, int current, int desired, String reason,
      MetricsRecommendation metrics, Normalization n, HpaHistory h, long now) {
    boolean rescale = desired != current;
    HpaHistory next = rescale ? h.withScaleEvent(spec.behavior(), current, desired, now) : h;
    return new HpaDecision(current, desired, rescale, reason, metrics, n, next);
  }
}
