package io.hns.model.autoscaler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one autoscaler loop reads from the view, indexed once: nodes by name, scheduled pods by node
 * (CA's scheduled-pod lister: bound and not Succeeded/Failed), each node's group
 * ({@code NodeGroupForNode}), and the nodes on their way out (carrying CA's ToBeDeleted taint or
 * deleted by this autoscaler and not yet gone).
 */
final class LoopInputs {
  static final String TO_BE_DELETED_TAINT = "ToBeDeletedByClusterAutoscaler";
  static final String DELETION_CANDIDATE_TAINT = "DeletionCandidateOfClusterAutoscaler";

  final long now;
  final List<Node> nodes;
  final Map<String, Node> nodesByName;
  final Map<String, List<Pod>> podsByNode;
  final List<Pod> allPods;
  final List<NodeGroup> groups;
  final Map<String, NodeGroup> groupsById;
  final Map<String, NodeGroup> groupOfNode;
  final Map<String, List<Node>> nodesOfGroup;
  final Set<String> leavingNodes;

  LoopInputs(ClusterView view, Collection<String> deletedByAutoscaler) {
    this.now = view.now();
    this.nodes = List.copyOf(view.nodes());
    this.allPods = view.pods();
    this.groups = List.copyOf(view.nodeGroups());
    this.nodesByName = new LinkedHashMap<>();
    nodes.forEach(n -> nodesByName.put(n.name(), n));
    this.podsByNode = view.scheduledPodsByNode();
    this.groupsById = new LinkedHashMap<>();
    this.nodesOfGroup = new LinkedHashMap<>();
    for (NodeGroup g : groups) {
      groupsById.put(g.id(), g);
      nodesOfGroup.put(g.id(), new ArrayList<>());
    }
    this.groupOfNode = new HashMap<>();
    for (Node n : nodes) {
      for (NodeGroup g : groups) {
        if (g.contains(n)) {
          groupOfNode.put(n.name(), g);
          nodesOfGroup.get(g.id()).add(n);
          break;
        }
      }
    }
    this.leavingNodes = new HashSet<>();
    for (Node n : nodes) {
      if (hasTaint(n, TO_BE_DELETED_TAINT) || deletedByAutoscaler.contains(n.name())) {
        leavingNodes.add(n.name());
      }
    }
  }

  List<Pod> podsOn(String nodeName) {
    return podsByNode.getOrDefault(nodeName, List.of());
  }

  NodeGroup groupOf(Node node) {
    return groupOfNode.get(node.name());
  }

  boolean isLeaving(String nodeName) {
    return leavingNodes.contains(nodeName);
  }

  static boolean hasTaint(Node n, String key) {
    for (Taint t : n.taints()) {
      if (t.key().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
