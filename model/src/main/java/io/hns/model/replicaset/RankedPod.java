package io.hns.model.replicaset;

import io.hns.model.cluster.Pod;

/**
 * A scale-down candidate with its co-location rank, as {@code ActivePodsWithRanks} pairs
 * {@code Pods[i]} with {@code Rank[i]}.
 *
 * @param rank how many related active pods share this pod's node (itself included); a higher rank
 *     means the pod is "doubled up" and is deleted first
 */
public record RankedPod(Pod pod, int rank) {
  public RankedPod {
    if (pod == null) {
      throw new IllegalArgumentException("pod is null");
    }
  }
}
