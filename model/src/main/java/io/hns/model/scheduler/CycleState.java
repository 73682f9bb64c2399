package io.hns.model.scheduler;

import io.hns.model.cluster.Pod;

/**
 * What one scheduling attempt knows: the pod and the snapshot it is placed against.
 *
 * @param feasibleClasses during Score, the equivalence classes of the feasible nodes (see
 *     {@link FeasibleClasses}); null when not known (Filter, and callers outside the scheduler)
 */
public record CycleState(Pod pod, ClusterSnapshot snapshot, FeasibleClasses feasibleClasses) {
  public CycleState(Pod pod, ClusterSnapshot snapshot) {
    this(pod, snapshot, null);
  }
}
