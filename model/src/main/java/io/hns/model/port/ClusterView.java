package io.hns.model.port;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import java.util.List;

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

  /** Deployments and ReplicaSets. */
  List<Workload> workloads();

  /** Node groups the cluster autoscaler may resize. */
  List<NodeGroup> nodeGroups();

  /** PodDisruptionBudgets (none unless the cluster has some). */
  default List<io.hns.model.disruption.DisruptionBudget> disruptionBudgets() {
    return List.of();
  }
}
