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
    ClusterSnapshot c = new ClusterSnapshot();
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
    info.setNode(node);
    node.imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, 1, Integer::sum));
  }

  public void removeNode(String name) {
    NodeInfo info = byName.remove(name);
    if (info != null) {
      nodes.remove(info);
      info.node().imageSizes().keySet().forEach(img -> imageNodeCount.merge(img, -1, Integer::sum));
    }
  }

  /** Assigns a pod (it must name its node) and adds its requests to the node. */
  public void addPod(Pod pod) {
    require(pod.nodeName()).add(pod);
  }

  public boolean removePod(Pod pod) {
    NodeInfo info = byName.get(pod.nodeName());
    return info != null && info.remove(pod);
  }

  public boolean replacePod(Pod pod) {
    NodeInfo info = byName.get(pod.nodeName());
    return info != null && info.replace(pod);
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
