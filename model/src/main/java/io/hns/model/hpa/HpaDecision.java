package io.hns.model.hpa;

/**
 * One sync of one HPA (horizontal.go reconcileAutoscaler).
 *
 * @param desiredReplicas what the target's {@code spec.replicas} should become (equal to current
 *     when the controller does not rescale)
 * @param rescale whether the controller writes a new count
 * @param reason why, in upstream's words ("cpu resource utilization (percentage of request) above
 *     target", "All metrics below target", "Current number of replicas above Spec.MaxReplicas",
 *     or the error that stopped it)
 * @param metrics the metrics' proposal; null when the current count was out of range or zero
 * @param normalization stabilization and limits; null when the metrics were not consulted or unusable
 * @param history the history to pass to the next sync
 */
public record HpaDecision(
    int currentReplicas,
    int desiredReplicas,
    boolean rescale,
    String reason,
    MetricsRecommendation metrics,
    Normalization normalization,
    HpaHistory history) {}
