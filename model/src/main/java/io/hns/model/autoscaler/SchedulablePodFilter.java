package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Drops the pending pods that the cluster can already hold (CA
 * {@code core/podlistprocessor/filter_out_schedulable.go} with the hinting simulator): each pod, most
 * important (highest priority) group first, is placed on the first node of the snapshot that passes
 * the scheduler's filters, and stays there so later pods see the space taken. The snapshot holds
 * every Ready node, the virtual node and nodes of no group included, plus template copies for the
 * upcoming nodes. This is why a pod that tolerates the virtual node never triggers a scale-up.
 *
 * <p>Within a priority, upstream's order is the informer's, which is arbitrary; here the larger pods
 * go first (cpu, then memory), the order the binpacking estimator packs in, so that the nodes a
 * scale-up bought absorb, in the next loops, the very pods they were bought for instead of
 * first-fitting them in another order and asking for more.
 *
 * <p>For speed, as upstream's similar-pod shortcut: once a pod of an equivalence group finds no node,
 * its remaining siblings are not tried; and a sibling's search starts at the node where the
 * previous sibling landed (nodes before it already refused an identical pod, and only got fuller).
 */
final class SchedulablePodFilter {
  private final Scheduler scheduler;

  SchedulablePodFilter(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Places what fits into {@code snapshot}; returns the groups (or their tails) that did not fit. */
  List<PodEquivalenceGroup> filterOutSchedulable(List<PodEquivalenceGroup> groups, ClusterSnapshot snapshot) {
    List<PodEquivalenceGroup> byPriority = new ArrayList<>(groups);
    byPriority.sort(Comparator.comparingInt((PodEquivalenceGroup g) -> -g.exemplar().spec().priority())
        .thenComparingLong(g -> -g.exemplar().spec().requests().milliCpu())
        .thenComparingLong(g -> -g.exemplar().spec().requests().memory()));
    List<NodeInfo> nodes = snapshot.nodes();
    List<PodEquivalenceGroup> remaining = new ArrayList<>();
    for (PodEquivalenceGroup g : byPriority) {
      int cursor = 0;
      int i = 0;
      for (; i < g.size(); i++) {
        Pod pod = g.pods().get(i);
        int idx = scheduler.firstFeasible(pod, snapshot, nodes, cursor, null);
        if (idx < 0) {
          break;
        }
        snapshot.addPod(pod.withNodeName(nodes.get(idx).name()));
        cursor = idx;
      }
      if (i < g.size()) {
        remaining.add(new PodEquivalenceGroup(List.copyOf(g.pods().subList(i, g.size()))));
      }
    }
    return remaining;
  }
}
