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
  }

  /** Replaces a node's object (labels, taints, readiness) keeping its pods. */
  public void updateNode(Node node) {
    NodeInfo info = require(node.name());
    info.node().imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, -1, Integer::sum));
    String zoneBefore = info.zone();
    info.setNode(node);
    if (!zoneBefore.equals(info.zone())) {
      info.podsByOwnerUid().forEach((owner, n) -> {
        ownedInZone(owner, zoneBefore, -n);
        ownedInZone(owner, info.zone(), n);
      });
    }
    node.imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, 1, Integer::sum));
  }

  public void removeNode(String name) {
    NodeInfo info = byName.remove(name);
    if (info != null) {
      nodes.remove(info);
      podsWithAffinity -= info.podsWithAffinityCount();
      podsWithRequiredAntiAffinity -= info.podsWithRequiredAntiAffinityCount();
      info.podsByOwnerUid().forEach((owner, n) -> ownedInZone(owner, info.zone(), -n));
      info.node().imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, -1, Integer::sum));
    }
  }

  /** Assigns a pod (it must name its node) and adds its requests to the node. */
  public void addPod(Pod pod) {
    NodeInfo info = require(pod.nodeName());
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    info.add(pod);
    counted(info, a, b);
    if (NodeInfo.countsAsOwned(pod)) {
      ownedInZone(pod.owner().uid(), info.zone(), 1);
    }
  }

  public boolean removePod(Pod pod) {
    NodeInfo info = byName.get(pod.nodeName());
    if (info == null) {
      return false;
    }
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    Pod removed = info.remove(pod);
    counted(info, a, b);
    if (removed != null && NodeInfo.countsAsOwned(removed)) {
      ownedInZone(removed.owner().uid(), info.zone(), -1);
    }
    return removed != null;
  }

  public boolean replacePod(Pod pod) {
    NodeInfo info = byName.get(pod.nodeName());
    if (info == null) {
      return false;
    }
    int a = info.podsWithAffinityCount();
    int b = info.podsWithRequiredAntiAffinityCount();
    Pod replaced = info.replace(pod);
    counted(info, a, b);
    if (replaced != null) {
      if (NodeInfo.countsAsOwned(replaced)) {
        ownedInZone(replaced.owner().uid(), info.zone(), -1);
      }
      if (NodeInfo.countsAsOwned(pod)) {
        ownedInZone(pod.owner().uid(), info.zone(), 1);
      }
    }
    return replaced != null;
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
