package io.hns.model.hpa;

import com.google.common.collect.ImmutableList;

/**
 * horizontal.go computeReplicasForMetrics: the largest proposal over all metrics.
 *
 * @param replicas the largest valid proposal (0 when no metric is valid)
 * @param decisive the calculation that proposed {@code replicas}; null when no metric is valid
 * @param usable false when the controller would not scale at all: every metric failed, or some
 *     failed and the rest would scale down (a failing metric might be the one that needs more pods)
 * @param error "invalid metrics (n invalid out of m), first error is: ..." when any metric failed
 */
public record MetricsRecommendation(
    int replicas, ReplicaCalculation decisive, ImmutableList<MetricOutcome> outcomes, boolean usable, String error) {}
