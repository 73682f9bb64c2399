package io.hns.model.autoscaler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import java.util.ArrayList;
import java.util.List;

/** A mutable cluster the test edits between loops; {@link #tick} advances the clock. */
final class FakeClusterView implements ClusterView {
  long now;
  final List<Node> nodes = new ArrayList<>();
  final List<Pod> pods = new ArrayList<>();
  final List<NodeGroup> groups = new ArrayList<>();

  FakeClusterView(long now) {
    this.now = now;
  }

  void tick(long ms) {
    now += ms;
  }

  void removeNode(String name) {
    nodes.removeIf(n -> n.name().equals(name));
    pods.removeIf(p -> p.nodeName().equals(name));
  }

  void removePod(String name) {
    pods.removeIf(p -> p.name().equals(name));
  }

  @Override
  public long now() {
    return now;
  }

  @Override
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  @Override
  public List<Pod> pods() {
    return List.copyOf(pods);
  }

  @Override
  public List<Workload> workloads() {
    return List.of();
  }

  @Override
  public List<NodeGroup> nodeGroups() {
    return List.copyOf(groups);
  }
}
