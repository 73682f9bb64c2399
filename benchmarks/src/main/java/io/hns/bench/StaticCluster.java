package io.hns.bench;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Workload;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import java.util.List;

/**
 * A cluster that never changes: the autoscaler's reconcile is measured alone, every call sees the
 * same state (its actions are counted and dropped; its node group never grows).
 */
final class StaticCluster implements ClusterView, ClusterActions {
  final List<Node> nodes;
  final List<Pod> pods;
  final List<NodeGroup> groups;
  long actions;

  StaticCluster(List<Node> nodes, List<Pod> pods, List<NodeGroup> groups) {
    this.nodes = nodes;
    this.pods = pods;
    this.groups = groups;
  }

  @Override public long now() { return 3_600_000; }
  @Override public List<Node> nodes() { return nodes; }
  @Override public List<Pod> pods() { return pods; }
  @Override public List<Workload> workloads() { return List.of(); }
  @Override public List<NodeGroup> nodeGroups() { return groups; }
  @Override public void scale(String ns, String kind, String name, int replicas, String reason) { actions++; }
  @Override public void createPod(Pod pod, String reason) { actions++; }
  @Override public void deletePod(String ns, String name, String reason) { actions++; }
  @Override public boolean evictPod(String ns, String name, String reason) { actions++; return true; }
  @Override public void taintNode(String node, Taint taint, boolean add) { actions++; }
  @Override public void event(String ref, String type, String reason, String message) { actions++; }

  /** A VMSS-like group whose instances are the given VM nodes; size changes are accepted and ignored. */
  record StaticGroup(List<Node> members, int max) implements NodeGroup {
    @Override public String id() { return "userpool"; }
    @Override public int minSize() { return 1; }
    @Override public int maxSize() { return max; }
    @Override public int targetSize() { return members.size(); }
    @Override public Node templateNode() { return members.get(0); }
    @Override public boolean contains(Node node) { return node.labels().has("agentpool"); }
    @Override public void increaseSize(int delta) {}
    @Override public void deleteNodes(List<Node> nodes) {}
    @Override public List<Instance> instances() {
      return members.stream().map(n -> new Instance(n.name(), Instance.State.RUNNING, 0, "", "")).toList();
    }
  }
}
