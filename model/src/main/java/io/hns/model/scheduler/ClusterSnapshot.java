package io.hns.model.scheduler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler's view of the cluster: every node with the pods assigned to it. Node order is
 * insertion order, which is the order the scheduler walks nodes in (deterministic runs).
 */
public final class ClusterSnapshot {
  private final List<NodeInfo> nodes = new ArrayList<>();
  private final Map<String, NodeInfo> byName = new LinkedHashMap<>();
  private final Map<String, Integer> imageNodeCount = new HashMap<>();
  private final NodeStatic.Interner interner;
  private int podsWithAffinity;
  private int podsWithRequiredAntiAffinity;
  /**
   * Controller UID -> zone label value ("" for none) -> non-terminating pods of it in that zone;
   * built on first use (snapshots built for one what-if never pay for it), then kept up to date.
   */
  private Map<String, Map<String, Integer>> ownedByZone;

  public ClusterSnapshot() {
    this(new NodeStatic.Interner());
  }

  private ClusterSnapshot(NodeStatic.Interner interner) {
    this.interner = interner;
  }

  public static ClusterSnapshot of(Collection<Node> nodes, Collection<Pod> boundPods) {
    ClusterSnapshot s = new ClusterSnapshot();
    nodes.forEach(s::addNode);
    for (Pod p : boundPods) {
      if (p.isAssigned() && s.byName.containsKey(p.nodeName())) {
        s.addPod(p);
      }
    }
    return s;
  }

  /** An independent copy for what-if simulations (the cluster autoscaler's forks). */
  public ClusterSnapshot copy() {
    ClusterSnapshot c = new ClusterSnapshot(interner);
    for (NodeInfo info : nodes) {
      c.addNode(info.node());
      for (Pod p : info.pods()) {
        c.addPod(p);
      }
    }
    return c;
  }

  public void addNode(Node node) {
    if (byName.containsKey(node.name())) {
      throw new IllegalArgumentException("duplicate node " + node.name());
    }
    NodeInfo info = new NodeInfo(node);
    nodes.add(info);
    byName.put(node.name(), info);
    node.imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, 1, Integer::sum));
    if (recording > 0) record(s -> s.removeNode(node.name()));
  }

  /** Replaces a node's object (labels, taints, readiness) keeping its pods. */
  public void updateNode(Node node) {
    NodeInfo info = require(node.name());
    Node before = info.node();
    info.node().imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, -1, Integer::sum));
    String zoneBefore = info.zone();
    info.setNode(node);
    if (ownedByZone != null && !zoneBefore.equals(info.zone())) {
      info.podsByOwnerUid().forEach((owner, n) -> {
        ownedInZone(owner, zoneBefore, -n);
        ownedInZone(owner, info.zone(), n);
      });
    }
    node.imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, 1, Integer::sum));
    if (recording > 0) record(s -> s.updateNode(before));
  }

  public void removeNode(String name) {
    NodeInfo info = byName.remove(name);
    if (info != null) {
      int index = nodes.indexOf(info);
      nodes.remove(index);
      podsWithAffinity -= info.podsWithAffinityCount();
      podsWithRequiredAntiAffinity -= info.podsWithRequiredAntiAffinityCount();
      if (ownedByZone != null) {
        info.podsByOwnerUid().forEach((owner, n) -> ownedInZone(owner, info.zone(), -n));
      }
      info.node().imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, -1, Integer::sum));
      if (recording > 0) record(s -> s.insertNode(index, info));
    }
  }

  /** Undoes {@link #removeNode}: the same node record back at its place. */
  private void insertNode(int index, NodeInfo info) {
    nodes.add(index, info);
    byName.put(info.name(), info);
    podsWithAffinity += info.podsWithAffinityCount();
    podsWithRequiredAntiAffinity += info.podsWithRequiredAntiAffinityCount();
    if (ownedByZone != null) {
      info.podsByOwnerUid().forEach((owner, n) -> ownedInZone(owner, info.zone(), n));
    }
    info.node().imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, 1, Integer::sum));
  }

  /**
   * Sets a node's pods to exactly these, in this order, as if the node had been added afresh with
   * them (the cluster autoscaler refreshing a node of a snapshot it keeps). Not while recording.
   */
  public void replacePods(String nodeName, Collection<Pod> pods) {
    if (!journal.isEmpty() || recording > 0) {
      throw new IllegalStateException("replacePods while changes are being recorded");
    }
    NodeInfo old = require(nodeName);
    int index = nodes.indexOf(old);
    podsWithAffinity -= old.podsWithAffinityCount();
    podsWithRequiredAntiAffinity -= old.podsWithRequiredAntiAffinityCount();
    if (ownedByZone != null) {
      old.podsByOwnerUid().forEach((owner, n) -> ownedInZone(owner, old.zone(), -n));
    }
    NodeInfo fresh = new NodeInfo(old.node());
    nodes.set(index, fresh);
    byName.put(nodeName, fresh);
    for (Pod p : pods) {
      addPod(p);
    }
  }

  /** Assigns a pod (it must name its node) and adds its requests to the node. */
  public void addPod(Pod pod) {
    NodeInfo info = require(pod.nodeName());
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    Map<String, Long> scalars = info.scalarsMap();
    int index = info.podCount();
    info.add(pod);
    counted(info, a, b);
    if (NodeInfo.countsAsOwned(pod)) {
      ownedInZone(pod.owner().uid(), info.zone(), 1);
    }
    if (recording > 0) record(s -> s.undoAdd(info, index, scalars));
  }

  private void undoAdd(NodeInfo info, int index, Map<String, Long> scalars) {
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    Pod removed = info.removeAt(index);
    counted(info, a, b);
    if (NodeInfo.countsAsOwned(removed)) {
      ownedInZone(removed.owner().uid(), info.zone(), -1);
    }
    info.restoreScalars(scalars);
  }

  public boolean removePod(Pod pod) {
    NodeInfo info = byName.get(pod.nodeName());
    if (info == null) {
      return false;
    }
    int index = info.find(pod);
    if (index < 0) {
      return false;
    }
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    Map<String, Long> scalars = info.scalarsMap();
    Pod removed = info.removeAt(index);
    counted(info, a, b);
    if (NodeInfo.countsAsOwned(removed)) {
      ownedInZone(removed.owner().uid(), info.zone(), -1);
    }
    if (recording > 0) record(s -> s.undoRemove(info, index, removed, scalars));
    return true;
  }

  private void undoRemove(NodeInfo info, int index, Pod pod, Map<String, Long> scalars) {
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    info.insertAt(index, pod);
    counted(info, a, b);
    if (NodeInfo.countsAsOwned(pod)) {
      ownedInZone(pod.owner().uid(), info.zone(), 1);
    }
    info.restoreScalars(scalars);
  }

  public boolean replacePod(Pod pod) {
    NodeInfo info = byName.get(pod.nodeName());
    if (info == null) {
      return false;
    }
    int index = info.find(pod);
    if (index < 0) {
      return false;
    }
    Map<String, Long> scalars = info.scalarsMap();
    Pod replaced = setPod(info, index, pod);
    if (recording > 0) record(s -> {
      s.setPod(info, index, replaced);
      info.restoreScalars(scalars);
    });
    return true;
  }

  private Pod setPod(NodeInfo info, int index, Pod pod) {
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    Pod replaced = info.setAt(index, pod);
    counted(info, a, b);
    if (NodeInfo.countsAsOwned(replaced)) {
      ownedInZone(replaced.owner().uid(), info.zone(), -1);
    }
    if (NodeInfo.countsAsOwned(pod)) {
      ownedInZone(pod.owner().uid(), info.zone(), 1);
    }
    return replaced;
  }

  // ---- what-if changes ------------------------------------------------------------------------

  private interface Undo {
    void undo(ClusterSnapshot s);
  }

  private final List<Undo> journal = new ArrayList<>();
  private int recording;

  private void record(Undo u) {
    if (recording > 0) {
      journal.add(u);
    }
  }

  /**
   * Starts recording changes (upstream's {@code ClusterSnapshot.Fork}); {@link #revert} with the
   * returned mark undoes every change made since, restoring the snapshot exactly (node order, pod
   * order, sums). Marks nest.
   */
  public int mark() {
    recording++;
    return journal.size();
  }

  /** Undoes every change since {@code mark} (upstream's {@code Revert}) and ends that recording. */
  public void revert(int mark) {
    if (recording == 0) {
      throw new IllegalStateException("revert without mark");
    }
    int depth = recording;
    recording = 0; // undoing records nothing
    try {
      while (journal.size() > mark) {
        journal.remove(journal.size() - 1).undo(this);
      }
    } finally {
      recording = depth - 1;
    }
  }

  private void counted(NodeInfo info, int affinityBefore, int antiBefore) {
    podsWithAffinity += info.podsWithAffinityCount() - affinityBefore;
    podsWithRequiredAntiAffinity += info.podsWithRequiredAntiAffinityCount() - antiBefore;
  }

  private void ownedInZone(String owner, String zone, int delta) {
    if (ownedByZone == null) {
      return;
    }
    Map<String, Integer> byZone = ownedByZone.computeIfAbsent(owner, k -> new HashMap<>());
    if (byZone.merge(zone, delta, Integer::sum) == 0) {
      byZone.remove(zone);
      if (byZone.isEmpty()) {
        ownedByZone.remove(owner);
      }
    }
  }

  /**
   * The non-terminating pods controlled by {@code ownerUid} on all nodes whose
   * {@code topology.kubernetes.io/zone} label is {@code zone} ("" for nodes without the label): the
   * sum of {@link NodeInfo#podsOwnedBy} over those nodes, kept up to date on every change (O(1)).
   */
  public long ownedPodsInZone(String ownerUid, String zone) {
    if (ownedByZone == null) {
      ownedByZone = new HashMap<>();
      for (NodeInfo info : nodes) {
        info.podsByOwnerUid().forEach((owner, n) -> ownedInZone(owner, info.zone(), n));
      }
    }
    Map<String, Integer> byZone = ownedByZone.get(ownerUid);
    return byZone == null ? 0 : byZone.getOrDefault(zone, 0);
  }

  /** Whether some pod here has an inter-pod affinity or anti-affinity term (O(1)). */
  public boolean anyPodWithAffinity() {
    return podsWithAffinity > 0;
  }

  /** Whether some pod here has a required anti-affinity term (O(1)). */
  public boolean anyPodWithRequiredAntiAffinity() {
    return podsWithRequiredAntiAffinity > 0;
  }

  NodeStatic.Interner interner() {
    return interner;
  }

  public List<NodeInfo> nodes() {
    return Collections.unmodifiableList(nodes);
  }

  public NodeInfo get(String name) {
    return byName.get(name);
  }

  public int size() {
    return nodes.size();
  }

  /** How many nodes report this image (ImageLocality's spread). */
  public int nodesWithImage(String image) {
    return imageNodeCount.getOrDefault(image, 0);
  }

  private NodeInfo require(String name) {
    NodeInfo info = byName.get(name);
    if (info == null) {
      throw new IllegalArgumentException("no node named \"" + name + "\" in the snapshot");
    }
    return info;
  }
}
