package io.hns.model.port;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a controller or policy observes of a cluster. The simulator serves it from its state; the
 * live adapter from fabric8 informers. Reads are snapshots: lists do not change under the caller.
 */
public interface ClusterView {
  /** Epoch milliseconds (simulated time in the simulator). */
  long now();

  List<Node> nodes();

  /** All pods, scheduled or not. */
  List<Pod> pods();

  /**
   * The pods bound to a node and not terminated (Succeeded or Failed), by node name, each list in
   * the order of {@link #pods()}: the cluster autoscaler's scheduled-pod lister. The default groups
   * {@code pods()}; a view that keeps such an index serves it without a pass over every pod. Lists
   * must not change once handed out: the cluster autoscaler takes the same list object handed out
   * again for the same pods.
   */
  default Map<String, List<Pod>> scheduledPodsByNode() {
    Map<String, List<Pod>> out = new HashMap<>();
    for (Pod p : pods()) {
      if (p.isAssigned() && !p.phase().isTerminal()) {
        out.computeIfAbsent(p.nodeName(), k -> new ArrayList<>()).add(p);
      }
    }
    return out;
  }

  /** Deployments and ReplicaSets. */
  List<Workload> workloads();

  /** Node groups the cluster autoscaler may resize. */
  List<NodeGroup> nodeGroups();

  /** PodDisruptionBudgets (none unless the cluster has some). */
  default List<io.hns.model.disruption.DisruptionBudget> disruptionBudgets() {
    return List.of();
  }
}
