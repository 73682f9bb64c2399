package io.hns.simulator.controller;

import io.hns.model.cluster.Pod;
import io.hns.simulator.state.ClusterState;

/**
 * API-server semantics of deleting a pod: an unbound pod is removed at once; a bound pod gets a
 * deletionTimestamp and its kubelet finishes the deletion after stopping the containers.
 */
public final class PodLifecycle {
  private PodLifecycle() {}

  public static void delete(ClusterState state, Pod pod) {
    Pod current = state.pod(pod.key());
    if (current == null || current.isDeleting()) {
      return;
    }
    if (!current.isAssigned()) {
      state.removePod(current.key());
      return;
    }
    state.updatePod(current.toBuilder().deletionTime(state.now()).build());
  }
}
