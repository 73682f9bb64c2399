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
import java.util.TreeMap;

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
  /** Creation sequence of each pod (its rank in {@link #pods()}). */
  private final Map<PodRef, Long> sequence = new HashMap<>();
  private long nextSequence;
  /** Bound, not terminated pods by node, by creation sequence. */
  private final Map<String, TreeMap<Long, Pod>> scheduledByNode = new HashMap<>();
  /** The last map handed out by {@link #scheduledPodsByNode} and the nodes changed since. */
  private Map<String, List<Pod>> scheduledPublished;
  private final java.util.Set<String> scheduledDirty = new java.util.HashSet<>();
  /** Bumped on every pod or node write: views cache their copies while it stays the same. */
  private long podsVersion;
  private long nodesVersion;
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
    nodesVersion++;
    snapshot.addNode(node);
    listeners.forEach(l -> l.nodeAdded(node));
  }

  public void updateNode(Node node) {
    Node before = nodes.put(node.name(), node);
    if (before == null) {
      throw new IllegalStateException("no node " + node.name());
    }
    nodesVersion++;
    snapshot.updateNode(node);
    listeners.forEach(l -> l.nodeUpdated(before, node));
  }

  public void removeNode(String name) {
    Node node = nodes.remove(name);
    if (node == null) {
      return;
    }
    nodesVersion++;
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

  /**
   * The pods bound to a node and not terminated (Succeeded or Failed), by node name, each list in
   * creation order (the order of {@link #pods()}): from an index kept on every write. Immutable;
   * the same map is handed out again while no node's pods change.
   */
  public Map<String, List<Pod>> scheduledPodsByNode() {
    // Copy on write: the previous map (immutable lists) is reused where nodes did not change.
    if (scheduledPublished == null || !scheduledDirty.isEmpty()) {
      Map<String, List<Pod>> out = scheduledPublished == null ? new HashMap<>() : new HashMap<>(scheduledPublished);
      Iterable<String> changed = scheduledPublished == null ? scheduledByNode.keySet() : scheduledDirty;
      for (String node : changed) {
        TreeMap<Long, Pod> pods = scheduledByNode.get(node);
        if (pods == null) {
          out.remove(node);
        } else {
          out.put(node, List.copyOf(pods.values()));
        }
      }
      scheduledDirty.clear();
      scheduledPublished = Collections.unmodifiableMap(out);
    }
    return scheduledPublished;
  }

  private static boolean scheduled(Pod p) {
    return p.isAssigned() && !p.phase().isTerminal();
  }

  private void indexNode(Pod p, long seq) {
    if (scheduled(p)) {
      scheduledByNode.computeIfAbsent(p.nodeName(), k -> new TreeMap<>()).put(seq, p);
      scheduledDirty.add(p.nodeName());
    }
  }

  private void unindexNode(Pod p, long seq) {
    if (scheduled(p)) {
      TreeMap<Long, Pod> m = scheduledByNode.get(p.nodeName());
      scheduledDirty.add(p.nodeName());
      if (m != null) {
        m.remove(seq);
        if (m.isEmpty()) {
          scheduledByNode.remove(p.nodeName());
        }
      }
    }
  }

  public long podsVersion() {
    return podsVersion;
  }

  public long nodesVersion() {
    return nodesVersion;
  }

  public void addPod(Pod pod) {
    if (pods.putIfAbsent(pod.ref(), pod) != null) {
      throw new IllegalStateException("pod " + pod.key() + " already exists");
    }
    podsVersion++;
    long seq = nextSequence++;
    sequence.put(pod.ref(), seq);
    indexNode(pod, seq);
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
    podsVersion++;
    long seq = sequence.get(pod.ref());
    unindexNode(before, seq);
    indexNode(pod, seq);
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
    podsVersion++;
    unindexNode(pod, sequence.remove(pod.ref()));
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
    Workload before = (w.kind().equals("Deployment") ? deployments : replicaSets).put(w.namespace() + "/" + w.name(), w);
    if (!w.kind().equals("Deployment")) {
      replicaSetsByOwner = null;
    }
    listeners.forEach(l -> l.workloadChanged(w));
  }

  public Workload removeWorkload(String kind, String namespace, String name) {
    Workload removed = (kind.equals("Deployment") ? deployments : replicaSets).remove(namespace + "/" + name);
    if (!kind.equals("Deployment")) {
      replicaSetsByOwner = null;
    }
    return removed;
  }

  /** ReplicaSets by their owner's UID, each in the order of {@link #replicaSets()}; rebuilt after writes. */
  private Map<String, List<Workload>> replicaSetsByOwner;

  /** The ReplicaSets whose owner has this UID, in the order of {@link #replicaSets()}. */
  public List<Workload> replicaSetsOwnedBy(String ownerUid) {
    if (replicaSetsByOwner == null) {
      Map<String, List<Workload>> m = new HashMap<>();
      for (Workload rs : replicaSets.values()) {
        if (rs.owner() != null) {
          m.computeIfAbsent(rs.owner().uid(), k -> new ArrayList<>()).add(rs);
        }
      }
      replicaSetsByOwner = m;
    }
    return replicaSetsByOwner.getOrDefault(ownerUid, List.of());
  }

  /** All workloads, Deployments first. */
  public List<Workload> workloads() {
    List<Workload> all = new ArrayList<>(deployments.values());
    all.addAll(replicaSets.values());
    return all;
  }
}
