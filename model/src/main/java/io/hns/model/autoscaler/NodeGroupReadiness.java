package io.hns.model.autoscaler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Times;
import io.hns.model.port.NodeGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One node group's provisioning state in a loop (CA {@code clusterstate/clusterstate.go},
 * {@code Readiness} and {@code GetUpcomingNodes}).
 *
 * <ul>
 *   <li>ready / unready: registered nodes of the group that are Ready, or NotReady after having been
 *       Ready (or older than {@value #MAX_NODE_STARTUP_MINUTES} min, CA's {@code
 *       MaxNodeStartupTime});
 *   <li>notStarted: registered, never Ready yet and young;
 *   <li>unregistered: instances the cloud lists (not deleting, not failed) with no node object of
 *       their name;
 *       long unregistered once older than {@code max-node-provision-time};
 *   <li>failed: instances the cloud reports failed (CA's instance creation errors);
 *   <li>upcoming = target − ready − unready − longUnregistered − failed (at least 0): nodes asked for
 *       and still expected, which scale-up counts as if they existed.
 * </ul>
 * Nodes leaving the cluster (being deleted by the autoscaler) are not counted.
 */
record NodeGroupReadiness(
    String groupId,
    int ready,
    int unready,
    int notStarted,
    List<NodeGroup.Instance> unregistered,
    List<NodeGroup.Instance> longUnregistered,
    List<NodeGroup.Instance> failed,
    int upcoming) {

  static final int MAX_NODE_STARTUP_MINUTES = 15;

  static NodeGroupReadiness of(NodeGroup g, LoopInputs in, Set<String> seenReady, long maxProvisionMs) {
    int ready = 0;
    int unready = 0;
    int notStarted = 0;
    for (Node n : in.nodesOfGroup.get(g.id())) {
      if (in.isLeaving(n.name())) {
        continue;
      }
      if (n.ready()) {
        ready++;
      } else if (seenReady.contains(n.name()) || oldEnough(n, in.now)) {
        unready++;
      } else {
        notStarted++;
      }
    }
    List<NodeGroup.Instance> unregistered = new ArrayList<>();
    List<NodeGroup.Instance> longUnregistered = new ArrayList<>();
    List<NodeGroup.Instance> failed = new ArrayList<>();
    for (NodeGroup.Instance i : g.instances()) {
      if (i.state() == NodeGroup.Instance.State.DELETING) {
        continue;
      }
      if (i.state() == NodeGroup.Instance.State.FAILED) {
        failed.add(i);
        continue;
      }
      if (i.nodeName() != null && in.nodesByName.containsKey(i.nodeName())) {
        continue;
      }
      unregistered.add(i);
      if (Times.isSet(i.createdAt()) && i.createdAt() + maxProvisionMs < in.now) {
        longUnregistered.add(i);
      }
    }
    int upcoming = Math.max(0, g.targetSize() - ready - unready - longUnregistered.size() - failed.size());
    return new NodeGroupReadiness(g.id(), ready, unready, notStarted, List.copyOf(unregistered),
        List.copyOf(longUnregistered), List.copyOf(failed), upcoming);
  }

  private static boolean oldEnough(Node n, long now) {
    return Times.isSet(n.creationTime()) && now - n.creationTime() >= MAX_NODE_STARTUP_MINUTES * 60_000L;
  }
}
