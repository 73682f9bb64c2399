package io.hns.simulator.state;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated API server's store: nodes, pods, Deployments and ReplicaSets, and the events
 * written about them. Every write notifies the listeners in registration order, synchronously, as
 * informers would (without their delay). The scheduler's {@link ClusterSnapshot} of bound pods is
 * kept in step with every write.
 */
public final class ClusterState {
  private final Map<String, Node> nodes = new LinkedHashMap<>();
  private final Map<String, Pod> pods = new LinkedHashMap<>();
  private final Map<String, Workload> deployments = new LinkedHashMap<>();
  private final Map<String, Workload> replicaSets = new LinkedHashMap<>();
  private final ClusterSnapshot snapshot = new ClusterSnapshot();
  private final EventLog events = new EventLog();
  private final List<StateListener> listeners = new ArrayList<>();
  private final java.util.function.LongSupplier clock;

  public ClusterState(java.util.function.LongSupplier clock) {
    this.clock = clock;
  }

  public long now() {
    return clock.getAsLong();
  }

  public void listen(StateListener l) {
    listeners.add(l);
  }

  public EventLog events() {
    return events;
  }

  public void event(ObjectRef object, String type, String reason, String message) {
    events.record(new ClusterEvent(now(), object, type, reason, message));
  }

  public ClusterSnapshot snapshot() {
    return snapshot;
  }

  // ---- nodes -------------------------------------------------------------------------------

  public Collection<Node> nodes() {
    return Collections.unmodifiableCollection(nodes.values());
  }

  public Node node(String name) {
    return nodes.get(name);
  }

  public void addNode(Node node) {
    if (nodes.putIfAbsent(node.name(), node) != null) {
      throw new IllegalStateException("node " + node.name() + " already exists");
    }
    snapshot.addNode(node);
    listeners.forEach(l -> l.nodeAdded(node));
  }

  public void updateNode(Node node) {
    Node before = nodes.put(node.name(), node);
    if (before == null) {
      throw new IllegalStateException("no node " + node.name());
    }
    snapshot.updateNode(node);
    listeners.forEach(l -> l.nodeUpdated(before, node));
  }

  public void removeNode(String name) {
    Node node = nodes.remove(name);
    if (node == null) {
      return;
    }
    snapshot.removeNode(name);
    listeners.forEach(l -> l.nodeRemoved(node));
  }

  public NodeKind kindOf(String nodeName) {
    Node n = nodes.get(nodeName);
    return n == null ? NodeKind.VM : n.kind();
  }

  // ---- pods --------------------------------------------------------------------------------

  public Collection<Pod> pods() {
    return Collections.unmodifiableCollection(pods.values());
  }

  public Pod pod(String key) {
    return pods.get(key);
  }

  public void addPod(Pod pod) {
    if (pods.putIfAbsent(pod.key(), pod) != null) {
      throw new IllegalStateException("pod " + pod.key() + " already exists");
    }
    if (pod.isAssigned()) {
      snapshot.addPod(pod);
    }
    listeners.forEach(l -> l.podAdded(pod));
  }

  public void updatePod(Pod pod) {
    Pod before = pods.put(pod.key(), pod);
    if (before == null) {
      throw new IllegalStateException("no pod " + pod.key());
    }
    if (before.isAssigned()) {
      if (pod.isAssigned() && before.nodeName().equals(pod.nodeName())) {
        snapshot.replacePod(pod);
      } else {
        snapshot.removePod(before);
        if (pod.isAssigned()) snapshot.addPod(pod);
      }
    } else if (pod.isAssigned()) {
      snapshot.addPod(pod);
    }
    listeners.forEach(l -> l.podUpdated(before, pod));
  }

  public void removePod(String key) {
    Pod pod = pods.remove(key);
    if (pod == null) {
      return;
    }
    if (pod.isAssigned()) {
      snapshot.removePod(pod);
    }
    listeners.forEach(l -> l.podRemoved(pod));
  }

  // ---- workloads ---------------------------------------------------------------------------

  public Collection<Workload> deployments() {
    return Collections.unmodifiableCollection(deployments.values());
  }

  public Collection<Workload> replicaSets() {
    return Collections.unmodifiableCollection(replicaSets.values());
  }

  public Workload deployment(String namespace, String name) {
    return deployments.get(namespace + "/" + name);
  }

  public Workload replicaSet(String namespace, String name) {
    return replicaSets.get(namespace + "/" + name);
  }

  public void putWorkload(Workload w) {
    (w.kind().equals("Deployment") ? deployments : replicaSets).put(w.namespace() + "/" + w.name(), w);
    listeners.forEach(l -> l.workloadChanged(w));
  }

  public Workload removeWorkload(String kind, String namespace, String name) {
    return (kind.equals("Deployment") ? deployments : replicaSets).remove(namespace + "/" + name);
  }

  /** All workloads, Deployments first. */
  public List<Workload> workloads() {
    List<Workload> all = new ArrayList<>(deployments.values());
    all.addAll(replicaSets.values());
    return all;
  }
}
