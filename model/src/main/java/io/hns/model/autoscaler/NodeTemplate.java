package io.hns.model.autoscaler;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Taint;
import io.hns.model.port.NodeGroup;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.NodeInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new node of a group would look like, for the scale-up simulation (CA
 * {@code processors/nodeinfosprovider/mixed_nodeinfos_processor.go} and
 * {@code simulator/node_info_utils.go}): a sanitized copy of a Ready, schedulable node of the
 * group together with its DaemonSet and mirror pods when one exists, else the group's cloud
 * template ({@link NodeGroup#templateNode()}) with no pods. Sanitizing drops CA's own taints and
 * node-condition taints and clears cordoning.
 *
 * <p>Simplified: a cloud template gets no DaemonSet pods (the view carries no DaemonSet objects to
 * predict them from).
 */
record NodeTemplate(String groupId, Node node, List<Pod> daemonPods) {
  static final String MIRROR_ANNOTATION = "kubernetes.io/config.mirror";

  private static final Set<String> SANITIZED_TAINTS = Set.of(
      LoopInputs.TO_BE_DELETED_TAINT,
      LoopInputs.DELETION_CANDIDATE_TAINT,
      "node.kubernetes.io/not-ready",
      "node.kubernetes.io/unreachable",
      "node.kubernetes.io/unschedulable",
      "node.kubernetes.io/memory-pressure",
      "node.kubernetes.io/disk-pressure",
      "node.kubernetes.io/pid-pressure",
      "node.kubernetes.io/network-unavailable",
      "node.kubernetes.io/out-of-disk");

  /** Templates for every group, keyed by group id in group order. */
  static Map<String, NodeTemplate> forGroups(LoopInputs in) {
    Map<String, NodeTemplate> out = new LinkedHashMap<>();
    for (Node n : in.nodes) {
      NodeGroup g = in.groupOf(n);
      if (g == null || out.containsKey(g.id()) || !n.ready() || n.unschedulable() || in.isLeaving(n.name())) {
        continue;
      }
      List<Pod> daemons = new ArrayList<>();
      for (Pod p : in.podsOn(n.name())) {
        if (isDaemonSetPod(p) || isMirrorPod(p)) {
          daemons.add(p);
        }
      }
      out.put(g.id(), new NodeTemplate(g.id(), sanitize(n), List.copyOf(daemons)));
    }
    Map<String, NodeTemplate> ordered = new LinkedHashMap<>();
    for (NodeGroup g : in.groups) {
      NodeTemplate t = out.get(g.id());
      ordered.put(g.id(), t != null ? t : new NodeTemplate(g.id(), sanitize(g.templateNode()), List.of()));
    }
    return ordered;
  }

  static boolean isDaemonSetPod(Pod p) {
    return p.owner() != null && "DaemonSet".equals(p.owner().kind());
  }

  static boolean isMirrorPod(Pod p) {
    return p.annotations().has(MIRROR_ANNOTATION);
  }

  /** Adds a fresh copy named {@code name}, with its daemon pods, to the snapshot. */
  NodeInfo addTo(ClusterSnapshot snapshot, String name) {
    snapshot.addNode(node.withName(name));
    for (Pod p : daemonPods) {
      snapshot.addPod(Pod.builder(p.namespace(), p.name() + "-" + name, p.spec())
          .uid(p.uid() + "-" + name)
          .labels(p.labels())
          .annotations(p.annotations())
          .owner(p.owner())
          .nodeName(name)
          .phase(PodPhase.RUNNING)
          .build());
    }
    return snapshot.get(name);
  }

  private static Node sanitize(Node n) {
    ImmutableList.Builder<Taint> kept = ImmutableList.builder();
    for (Taint t : n.taints()) {
      if (!SANITIZED_TAINTS.contains(t.key())) {
        kept.add(t);
      }
    }
    return n.withTaints(kept.build()).withUnschedulable(false).withReady(true);
  }
}
