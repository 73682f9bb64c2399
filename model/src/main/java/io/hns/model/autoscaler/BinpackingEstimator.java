package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import io.hns.model.resource.Resources;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How many new nodes of a template the pods need: first-fit decreasing (CA
 * {@code estimator/binpacking_estimator.go} with {@code decreasing_pod_orderer.go}).
 *
 * <p>Equivalence groups are sorted by {@code cpu/allocatable cpu + memory/allocatable memory} of
 * their pod, largest first (stable). For each group, its pods first go to the new nodes already
 * added (the first that fits); the rest go to the last added node while it fits, and otherwise to a
 * fresh template copy; a pod that does not fit an empty fresh copy ends the group. The estimate is
 * the number of new nodes that received pods. Node additions stop at {@code maxNodes} (the
 * estimation limiter: group headroom and the cluster-wide cap).
 *
 * <p>The simulation runs on the caller's snapshot and is undone before returning.
 */
final class BinpackingEstimator {
  record Estimate(int nodeCount, List<Pod> pods) {}

  private final Scheduler scheduler;

  BinpackingEstimator(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  Estimate estimate(List<PodEquivalenceGroup> groups, NodeTemplate template, int maxNodes,
      ClusterSnapshot snapshot) {
    List<PodEquivalenceGroup> ordered = new ArrayList<>(groups);
    Resources alloc = template.node().allocatable();
    ordered.sort(Comparator.comparingDouble((PodEquivalenceGroup g) -> -score(g.exemplar(), alloc)));

    List<NodeInfo> newNodes = new ArrayList<>();
    Set<String> withPods = new HashSet<>();
    List<Pod> scheduled = new ArrayList<>();
    NodeInfo last = null;
    try {
      for (PodEquivalenceGroup g : ordered) {
        int i = 0;
        int cursor = 0;
        for (; i < g.size(); i++) {
          Pod pod = g.pods().get(i);
          int idx = scheduler.firstFeasible(pod, snapshot, newNodes, cursor, null);
          if (idx < 0) {
            break;
          }
          place(snapshot, pod, newNodes.get(idx), withPods, scheduled);
          cursor = idx;
        }
        for (; i < g.size(); i++) {
          Pod pod = g.pods().get(i);
          if (last != null && fits(pod, snapshot, last)) {
            place(snapshot, pod, last, withPods, scheduled);
            continue;
          }
          if (last != null && !withPods.contains(last.name())) {
            break;
          }
          if (newNodes.size() >= maxNodes) {
            break;
          }
          last = template.addTo(snapshot, "estimate-" + template.groupId() + "-" + newNodes.size());
          newNodes.add(last);
          if (!fits(pod, snapshot, last)) {
            break;
          }
          place(snapshot, pod, last, withPods, scheduled);
        }
      }
    } finally {
      newNodes.forEach(n -> snapshot.removeNode(n.name()));
    }
    return new Estimate(withPods.size(), List.copyOf(scheduled));
  }

  /** DecreasingPodOrderer's score of a pod against the template's allocatable. */
  static double score(Pod pod, Resources alloc) {
    Resources r = pod.spec().requests();
    double s = 0;
    if (alloc.milliCpu() > 0) {
      s += (double) r.milliCpu() / alloc.milliCpu();
    }
    if (alloc.memory() > 0) {
      s += (double) r.memory() / alloc.memory();
    }
    return s;
  }

  private boolean fits(Pod pod, ClusterSnapshot snapshot, NodeInfo node) {
    return scheduler.firstFeasible(pod, snapshot, List.of(node), 0, null) == 0;
  }

  private static void place(ClusterSnapshot snapshot, Pod pod, NodeInfo node, Set<String> withPods,
      List<Pod> scheduled) {
    snapshot.addPod(pod.withNodeName(node.name()));
    withPods.add(node.name());
    scheduled.add(pod);
  }
}
