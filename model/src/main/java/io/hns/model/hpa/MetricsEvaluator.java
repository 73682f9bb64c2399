package io.hns.model.hpa;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Pod;
import java.util.List;

/** horizontal.go computeReplicasForMetrics: every metric proposes a count, the largest wins. */
public final class MetricsEvaluator {
  private final HpaControllerConfig config;
  private final ReplicaCalculator calculator;

  public MetricsEvaluator(HpaControllerConfig config) {
    this.config = config;
    this.calculator = new ReplicaCalculator(config);
  }

  /**
   * @param currentReplicas the scale subresource's {@code spec.replicas}
   * @param pods the pods the target's selector matches in the HPA's namespace
   * @param samples the metrics API's samples for those pods
   */
  public MetricsRecommendation evaluate(HpaSpec spec, int currentReplicas, List<Pod> pods, List<PodUsage> samples, long now) {
    return evaluate(spec, (metric, tolerances) -> calculator.calculate(metric, currentReplicas, pods, samples,
        tolerances, now), currentReplicas);
  }

  /**
   * {@link #evaluate} with samples given per pod ({@link ReplicaCalculator#calculateAligned}): the
   * same recommendation.
   */
  public MetricsRecommendation evaluateAligned(HpaSpec spec, int currentReplicas, List<Pod> pods, PodUsage[] sampleOf,
      long now) {
    return evaluate(spec, (metric, tolerances) -> calculator.calculateAligned(metric, currentReplicas, pods, sampleOf,
        tolerances, now), currentReplicas);
  }

  private interface Calculation {
    ReplicaCalculation calculate(HpaMetric metric, Tolerances tolerances);
  }

  private MetricsRecommendation evaluate(HpaSpec spec, Calculation calculator, int currentReplicas) {
    Tolerances tolerances = config.tolerancesFor(spec);
    ImmutableList.Builder<MetricOutcome> outcomes = ImmutableList.builder();
    int replicas = 0;
    ReplicaCalculation decisive = null;
    int invalid = 0;
    String firstError = null;
    for (HpaMetric metric : spec.metrics()) {
      ReplicaCalculation c;
      try {
        c = calculator.calculate(metric, tolerances);
      } catch (MetricUnavailableException e) {
        String error = "failed to get " + metric.describe() + ": " + e.getMessage();
        outcomes.add(new MetricOutcome(metric, null, error));
        if (invalid == 0) {
          firstError = error;
        }
        invalid++;
        continue;
      }
      outcomes.add(new MetricOutcome(metric, c, null));
      // Upstream's test: a strictly larger proposal wins, so the first metric keeps a tie.
      if (replicas == 0 || c.calculatedReplicas() > replicas) {
        replicas = c.calculatedReplicas();
        decisive = c;
      }
    }
    int total = spec.metrics().size();
    String error = invalid == 0 ? null
        : "invalid metrics (" + invalid + " invalid out of " + total + "), first error is: " + firstError;
    boolean usable = invalid < total && !(invalid > 0 && replicas < currentReplicas);
    return new MetricsRecommendation(replicas, decisive, outcomes.build(), usable, error);
  }
}
