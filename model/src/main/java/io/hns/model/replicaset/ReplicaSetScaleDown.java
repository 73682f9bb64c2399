package io.hns.model.replicaset;

import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which pods a ReplicaSet deletes when scaling down: {@code manageReplicas},
 * {@code getPodsToDelete} and {@code getPodsRankedByRelatedPodsOnSameNode} of k8s
 * pkg/controller/replicaset/replica_set.go.
 */
public final class ReplicaSetScaleDown {
  /** {@code BurstReplicas}: the most pods one sync creates or deletes. */
  public static final int BURST_REPLICAS = 500;

  private ReplicaSetScaleDown() {}

  /**
   * The pods one sync deletes, in deletion order.
   *
   * @param candidates the ReplicaSet's active pods ({@code filteredPods}); the caller filters them
   * @param relatedPods the active pods of every ReplicaSet of the same Deployment
   *     ({@code getIndirectlyRelatedPods}), for the co-location rank; inactive ones are ignored
   * @param diff how many pods are too many ({@code len(filteredPods) - spec.replicas})
   * @param now the reference time for the logarithmic comparisons, epoch milliseconds
   */
  public static List<Pod> podsToDelete(List<Pod> candidates, List<Pod> relatedPods, int diff, long now) {
    return plan(candidates, relatedPods, diff, now).deleted().stream().map(RankedPod::pod).toList();
  }

  /** {@link #podsToDelete} with the ranks, the full order and the comparator, for explanations. */
  public static ScaleDownPlan plan(List<Pod> candidates, List<Pod> relatedPods, int diff, long now) {
    int deleteCount = Math.max(0, Math.min(diff, BURST_REPLICAS));
    List<RankedPod> ranked = rank(candidates, relatedPods);
    PodDeletionRanking ranking = new PodDeletionRanking(now);
    if (deleteCount >= candidates.size()) {
      // Upstream skips the sort when every pod goes.
      return new ScaleDownPlan(ranked, candidates.size(), false, ranking);
    }
    // Deterministic where upstream's unstable sort.Sort is not: ties keep input order (see StableSort).
    return new ScaleDownPlan(StableSort.sorted(ranked, ranking), deleteCount, true, ranking);
  }

  /**
   * Each candidate with the number of active related pods on its node, itself included when it is
   * among them. All unassigned pods share the node name "", so they rank together.
   */
  public static List<RankedPod> rank(List<Pod> candidates, List<Pod> relatedPods) {
    Map<String, Integer> activePodsOnNode = new HashMap<>();
    for (Pod pod : relatedPods) {
      if (pod.isActive()) {
        activePodsOnNode.merge(pod.nodeName(), 1, Integer::sum);
      }
    }
    List<RankedPod> ranked = new ArrayList<>(candidates.size());
    for (Pod pod : candidates) {
      ranked.add(new RankedPod(pod, activePodsOnNode.getOrDefault(pod.nodeName(), 0)));
    }
    return ranked;
  }
}
