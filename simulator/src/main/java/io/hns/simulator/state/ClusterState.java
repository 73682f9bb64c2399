package io.hns.simulator.state;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodRef;
import io.hns.model.cluster.Workload;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
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
  private final Map<PodRef, Pod> pods = new LinkedHashMap<>();
  /** Pods by controlling owner's UID, each in creation order (the order of {@link #pods()}). */
  private final Map<String, Map<PodRef, Pod>> byOwner = new HashMap<>();
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

  /** The pod of key {@code namespace/name}, or null. */
  public Pod pod(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? null : pods.get(new PodRef(key.substring(0, slash), key.substring(slash + 1)));
  }

  public Pod pod(PodRef ref) {
    return pods.get(ref);
  }

  /**
   * The pods whose controlling owner has this UID, in creation order: {@code pods()} filtered by
   * owner, from an index kept on every write. A read-only live view.
   */
  public Collection<Pod> podsOwnedBy(String ownerUid) {
    Map<PodRef, Pod> m = byOwner.get(ownerUid);
    return m == null ? List.of() : Collections.unmodifiableCollection(m.values());
  }

  private void indexOwner(Pod pod) {
    if (pod.owner() != null) {
      byOwner.computeIfAbsent(pod.owner().uid(), k -> new LinkedHashMap<>()).put(pod.ref(), pod);
    }
  }

  private void unindexOwner(Pod pod) {
    if (pod.owner() != null) {
      Map<PodRef, Pod> m = byOwner.get(pod.owner().uid());
      if (m != null) {
        m.remove(pod.ref());
        if (m.isEmpty()) {
          byOwner.remove(pod.owner().uid());
        }
      }
    }
  }

  /** Rebuilds an owner's index entry in creation order (after an update that changed owners). */
  private void reindexOwner(String ownerUid) {
    byOwner.remove(ownerUid);
    for (Pod p : pods.values()) {
      if (p.owner() != null && p.owner().uid().equals(ownerUid)) {
        indexOwner(p);
      }
    }
  }

  public void addPod(Pod pod) {
    if (pods.putIfAbsent(pod.ref(), pod) != null) {
      throw new IllegalStateException("pod " + pod.key() + " already exists");
    }
    indexOwner(pod);
    if (pod.isAssigned()) {
      snapshot.addPod(pod);
    }
    listeners.forEach(l -> l.podAdded(pod));
  }

  public void updatePod(Pod pod) {
    Pod before = pods.get(pod.ref());
    if (before == null) {
      throw new IllegalStateException("no pod " + pod.key());
    }
    pods.put(pod.ref(), pod);
    String ownerBefore = before.owner() == null ? null : before.owner().uid();
    String ownerAfter = pod.owner() == null ? null : pod.owner().uid();
    if (java.util.Objects.equals(ownerBefore, ownerAfter)) {
      indexOwner(pod); // same position: LinkedHashMap keeps it
    } else {
      if (ownerBefore != null) reindexOwner(ownerBefore);
      if (ownerAfter != null) reindexOwner(ownerAfter);
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
    Pod pod = pod(key);
    if (pod == null) {
      return;
    }
    pods.remove(pod.ref());
    unindexOwner(pod);
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
