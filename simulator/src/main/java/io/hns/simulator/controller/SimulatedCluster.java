package io.hns.simulator.controller;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Workload;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's ports served by the simulated cluster: what the cluster autoscaler and the policies
 * observe and do here is what the live adapter observes and does on AKS.
 */
public final class SimulatedCluster implements ClusterView, ClusterActions {
  private final ClusterState state;
  private final WorkloadController workloads;
  private final List<NodeGroup> nodeGroups;
  private final List<DisruptionBudget> budgets;

  public SimulatedCluster(ClusterState state, WorkloadController workloads, List<? extends NodeGroup> nodeGroups,
      List<DisruptionBudget> budgets) {
    this.state = state;
    this.workloads = workloads;
    this.nodeGroups = List.copyOf(nodeGroups);
    this.budgets = List.copyOf(budgets);
  }

  @Override
  public List<DisruptionBudget> disruptionBudgets() {
    return budgets;
  }

  @Override
  public long now() {
    return state.now();
  }

  // Copies are immutable: the same one serves every read until the state changes (the autoscaler
  // and the policy loop often read at the same instant).
  private List<Node> nodesCopy;
  private long nodesCopyVersion = -1;
  private List<Pod> podsCopy;
  private long podsCopyVersion = -1;

  @Override
  public List<Node> nodes() {
    if (nodesCopyVersion != state.nodesVersion() || nodesCopy == null) {
      nodesCopy = List.copyOf(state.nodes());
      nodesCopyVersion = state.nodesVersion();
    }
    return nodesCopy;
  }

  @Override
  public List<Pod> pods() {
    if (podsCopyVersion != state.podsVersion() || podsCopy == null) {
      podsCopy = List.copyOf(state.pods());
      podsCopyVersion = state.podsVersion();
    }
    return podsCopy;
  }

  @Override
  public java.util.Map<String, List<Pod>> scheduledPodsByNode() {
    return state.scheduledPodsByNode();
  }

  @Override
  public List<Workload> workloads() {
    return state.workloads();
  }

  @Override
  public List<NodeGroup> nodeGroups() {
    return nodeGroups;
  }

  @Override
  public void scale(String namespace, String kind, String name, int replicas, String reason) {
    workloads.scale(namespace, name, replicas);
  }

  @Override
  public void createPod(Pod pod, String reason) {
    state.addPod(pod.toBuilder().creationTime(state.now()).build());
  }

  @Override
  public void deletePod(String namespace, String name, String reason) {
    Pod p = state.pod(namespace + "/" + name);
    if (p != null) {
      PodLifecycle.delete(state, p);
    }
  }

  @Override
  public boolean evictPod(String namespace, String name, String reason) {
    Pod p = state.pod(namespace + "/" + name);
    if (p == null) {
      return true;
    }
    // The Eviction API refuses (429) while a covering budget allows no disruption.
    for (DisruptionBudget b : budgets) {
      if (b.covers(p) && b.disruptionsAllowed(state.pods()) <= 0) {
        return false;
      }
    }
    state.event(ObjectRef.pod(namespace, name), ClusterEvent.NORMAL, "Evicted", reason);
    PodLifecycle.delete(state, p);
    return true;
  }

  @Override
  public void taintNode(String nodeName, Taint taint, boolean add) {
    Node n = state.node(nodeName);
    if (n == null) {
      return;
    }
    List<Taint> taints = new ArrayList<>(n.taints());
    boolean present = taints.stream().anyMatch(t -> t.key().equals(taint.key()) && t.effect() == taint.effect());
    if (add && !present) {
      taints.add(taint);
    } else if (!add && present) {
      taints.removeIf(t -> t.key().equals(taint.key()) && t.effect() == taint.effect());
    } else {
      return;
    }
    state.updateNode(n.withTaints(ImmutableList.copyOf(taints)));
  }

  @Override
  public void event(String objectRef, String type, String reason, String message) {
    String[] parts = objectRef.split("/", 3);
    ObjectRef ref = switch (parts.length) {
      case 3 -> new ObjectRef(parts[0], parts[1], parts[2]);
      case 2 -> new ObjectRef(parts[0], "", parts[1]);
      default -> new ObjectRef("Object", "", objectRef);
    };
    state.event(ref, type, reason, message);
  }
}
