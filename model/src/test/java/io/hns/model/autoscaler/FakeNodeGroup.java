package io.hns.model.autoscaler;

import io.hns.model.cluster.Node;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A node group that records calls. {@code increaseSize} adds CREATING instances named
 * {@code <id>-new-<n>} created at the clock's time (or throws the next queued failure);
 * {@code deleteNodes} drops the instances and members and lowers the target.
 */
final class FakeNodeGroup implements NodeGroup {
  final String id;
  final int minSize;
  final int maxSize;
  int targetSize;
  Node template;
  final LongSupplier clock;
  final Set<String> members = new LinkedHashSet<>();
  final List<Instance> instances = new ArrayList<>();
  final Deque<NodeGroupException> increaseFailures = new ArrayDeque<>();
  final List<Integer> increaseCalls = new ArrayList<>();
  final List<List<String>> deleteCalls = new ArrayList<>();
  private int counter;

  FakeNodeGroup(String id, int minSize, int maxSize, Node template, LongSupplier clock) {
    this.id = id;
    this.minSize = minSize;
    this.maxSize = maxSize;
    this.template = template;
    this.clock = clock;
  }

  /** Registers a running member node (and its instance); raises the target. */
  FakeNodeGroup member(String nodeName) {
    members.add(nodeName);
    instances.add(new Instance(nodeName, Instance.State.RUNNING, clock.getAsLong(), null, null));
    targetSize++;
    return this;
  }

  /** The names of instances still being created, oldest first. */
  List<String> creating() {
    return instances.stream().filter(i -> i.state() == Instance.State.CREATING).map(Instance::nodeName).toList();
  }

  /** The cloud finished an instance and its node registered: it becomes a running member. */
  void finishCreating(String nodeName) {
    for (int i = 0; i < instances.size(); i++) {
      Instance in = instances.get(i);
      if (in.nodeName().equals(nodeName)) {
        instances.set(i, new Instance(nodeName, Instance.State.RUNNING, in.createdAt(), null, null));
      }
    }
    members.add(nodeName);
  }

  void failInstance(String nodeName, String code, String message) {
    for (int i = 0; i < instances.size(); i++) {
      Instance in = instances.get(i);
      if (in.nodeName().equals(nodeName)) {
        instances.set(i, new Instance(nodeName, Instance.State.FAILED, in.createdAt(), code, message));
      }
    }
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public int minSize() {
    return minSize;
  }

  @Override
  public int maxSize() {
    return maxSize;
  }

  @Override
  public int targetSize() {
    return targetSize;
  }

  @Override
  public Node templateNode() {
    return template;
  }

  @Override
  public boolean contains(Node node) {
    return members.contains(node.name());
  }

  @Override
  public void increaseSize(int delta) throws NodeGroupException {
    increaseCalls.add(delta);
    NodeGroupException failure = increaseFailures.poll();
    if (failure != null) {
      throw failure;
    }
    targetSize += delta;
    for (int i = 0; i < delta; i++) {
      instances.add(new Instance(id + "-new-" + counter++, Instance.State.CREATING, clock.getAsLong(), null, null));
    }
  }

  @Override
  public void deleteNodes(List<Node> nodes) {
    List<String> names = nodes.stream().map(Node::name).toList();
    deleteCalls.add(names);
    for (String n : names) {
      boolean known = instances.removeIf(i -> i.nodeName().equals(n)) | members.remove(n);
      if (known) {
        targetSize--;
      }
    }
  }

  @Override
  public List<Instance> instances() {
    return List.copyOf(instances);
  }
}
