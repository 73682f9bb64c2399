package io.hns.model.hpa;

/**
 * One metric's replica proposal and how it was reached.
 *
 * @param metric how the metric is named in messages
 * @param calculatedReplicas the proposed replica count
 * @param utilization for a Utilization target the percent of request (truncated, as upstream); for
 *     an AverageValue target the per-pod average in milli-units
 * @param ratio utilization over target, from the ready pods' samples only
 * @param rebalancedRatio the ratio after missing and unready pods were filled in; null when no
 *     filling was needed
 * @param outcome which branch of the calculation decided
 */
public record ReplicaCalculation(
    String metric,
    int calculatedReplicas,
    long utilization,
    double ratio,
    Double rebalancedRatio,
    int readyPods,
    int unreadyPods,
    int missingPods,
    int ignoredPods,
    Outcome outcome) {

  /** The branches of GetResourceReplicas / calcPlainMetricReplicas. */
  public enum Outcome {
    /** No missing or set-aside pods and the ratio is within tolerance: keep the current count. */
    WITHIN_TOLERANCE("the ratio is within tolerance; keep the current count"),
    /** No missing or set-aside pods: {@code ceil(ratio * ready pods)}. */
    SCALED("ceil(ratio x ready pods)"),
    /** After filling in missing and unready pods the ratio is within tolerance. */
    REBALANCED_WITHIN_TOLERANCE("after filling in missing/unready pods the ratio is within tolerance; keep the current count"),
    /** Filling in missing and unready pods reversed the direction of the change. */
    DIRECTION_REVERSED("filling in missing/unready pods reversed the direction; keep the current count"),
    /** {@code ceil(newRatio * samples)} would move against the ratio's direction. */
    COUNT_REVERSED("the sample count would move the count against the ratio; keep the current count"),
    /** {@code ceil(newRatio * samples)} after filling in missing and unready pods. */
    REBALANCED("ceil(rebalanced ratio x samples)");

    private final String explanation;

    Outcome(String explanation) {
      this.explanation = explanation;
    }

    public String explanation() {
      return explanation;
    }
  }
}
