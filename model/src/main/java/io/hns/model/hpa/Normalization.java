package io.hns.model.hpa;

/**
 * horizontal.go normalizeDesiredReplicas(WithBehaviors): the metric proposal after stabilization
 * and the min/max and rate limits.
 *
 * @param proposedReplicas the metrics' proposal going in
 * @param stabilizedReplicas after the stabilization window(s)
 * @param desiredReplicas after the limits: what the controller sets
 * @param minAllowed the lowest count the limits allowed this sync (minReplicas, or the scale-down rate)
 * @param maxAllowed the highest (maxReplicas, or the scale-up limit or rate)
 * @param stabilization the AbleToScale reason: ReadyForNewScale, ScaleUpStabilized or ScaleDownStabilized
 * @param limit the ScalingLimited reason: DesiredWithinRange, ScaleUpLimit, ScaleDownLimit,
 *     TooManyReplicas or TooFewReplicas
 * @param limitMessage upstream's message for {@code limit}
 * @param history the history with this sync's recommendation recorded
 */
public record Normalization(
    int proposedReplicas,
    int stabilizedReplicas,
    int desiredReplicas,
    int minAllowed,
    int maxAllowed,
    String stabilization,
    String limit,
    String limitMessage,
    HpaHistory history) {

  /** Whether a limit changed the stabilized count. */
  public boolean isLimited() {
    return desiredReplicas != stabilizedReplicas;
  }
}
