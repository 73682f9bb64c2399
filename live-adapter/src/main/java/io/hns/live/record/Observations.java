package io.hns.live.record;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.hns.live.arm.ArmNodeGroup;
import io.hns.model.cluster.Times;
import io.hns.traces.recorded.NodeEntry;
import io.hns.traces.recorded.NodeKind;
import io.hns.traces.recorded.PodEntry;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the API server reports about a Node or a Pod, read into the traces module's recorded
 * entries ({@link NodeEntry}, {@link PodEntry}: docs/traces.md). This is the only part of the
 * recorded format that knows Kubernetes objects; writing and reading the format is the traces
 * module's.
 */
final class Observations {
  static final String INSTANCE_TYPE_LABEL = "node.kubernetes.io/instance-type";

  private Observations() {}

  static NodeKind kind(Node n) {
    Map<String, String> labels = n.getMetadata().getLabels();
    return labels != null && "virtual-kubelet".equals(labels.get("type")) ? NodeKind.VIRTUAL : NodeKind.VM;
  }

  /**
   * What is known about a node at {@code t}.
   *
   * @param deleted when it was seen deleted, or null
   */
  static NodeEntry node(long t, Node n, Long deleted) {
    NodeKind kind = kind(n);
    Map<String, String> labels = n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels();
    String pool = labels.getOrDefault(ArmNodeGroup.POOL_LABEL, labels.get(ArmNodeGroup.LEGACY_POOL_LABEL));
    return new NodeEntry(t, n.getMetadata().getName(), kind, kind == NodeKind.VM ? pool : null,
        kind == NodeKind.VM ? labels.get(INSTANCE_TYPE_LABEL) : null,
        time(n.getMetadata().getCreationTimestamp()), nodeReady(n), deleted);
  }

  /** The Ready condition's transition to True; null while not Ready. */
  static Long nodeReady(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) return null;
    for (NodeCondition c : n.getStatus().getConditions()) {
      if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
        return time(c.getLastTransitionTime());
      }
    }
    return null;
  }

  /**
   * What is known about a pod at {@code t}.
   *
   * @param nodeKind the kind of a node by name, null when the node is unknown
   * @param runningSeen when the recorder first saw the pod Running (the fallback when the
   *     containers report no start time), or null
   * @param deleted when it was seen deleted, or null (then its deletionTimestamp, if any)
   */
  static PodEntry pod(long t, Pod p, Function<String, NodeKind> nodeKind, Long runningSeen, Long deleted) {
    var meta = p.getMetadata();
    String node = p.getSpec() == null || p.getSpec().getNodeName() == null || p.getSpec().getNodeName().isEmpty()
        ? null : p.getSpec().getNodeName();
    Long scheduled = null;
    Long ready = null;
    Long running = null;
    String reason = null;
    if (p.getStatus() != null) {
      for (PodCondition c : nullToEmpty(p.getStatus().getConditions())) {
        if ("PodScheduled".equals(c.getType()) && "True".equals(c.getStatus())) scheduled = time(c.getLastTransitionTime());
        if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) ready = time(c.getLastTransitionTime());
      }
      if ("Running".equals(p.getStatus().getPhase()) || "Succeeded".equals(p.getStatus().getPhase())) {
        // Running means every container started: the last container start is when the pod ran.
        long last = Times.UNSET;
        for (ContainerStatus cs : nullToEmpty(p.getStatus().getContainerStatuses())) {
          if (cs.getState() != null && cs.getState().getRunning() != null && cs.getState().getRunning().getStartedAt() != null) {
            last = Math.max(last, Times.parse(cs.getState().getRunning().getStartedAt()));
          }
        }
        running = Times.isSet(last) ? Long.valueOf(last) : runningSeen;
      }
      reason = p.getStatus().getReason();
    }
    Long deletion = deleted != null ? deleted : time(meta.getDeletionTimestamp());
    String workload = workload(p);
    return new PodEntry(t, meta.getName(), meta.getNamespace(), meta.getUid(), workload.isEmpty() ? null : workload,
        node, node == null ? null : nodeKind.apply(node), time(meta.getCreationTimestamp()), scheduled, running, ready,
        deletion, reason);
  }

  /** The Deployment (or other controller) a pod belongs to: its ReplicaSet's name less the template hash. */
  static String workload(Pod p) {
    for (OwnerReference r : nullToEmpty(p.getMetadata().getOwnerReferences())) {
      if (Boolean.TRUE.equals(r.getController())) {
        String hash = p.getMetadata().getLabels() == null ? null : p.getMetadata().getLabels().get("pod-template-hash");
        if ("ReplicaSet".equals(r.getKind()) && hash != null && r.getName().endsWith("-" + hash)) {
          return r.getName().substring(0, r.getName().length() - hash.length() - 1);
        }
        return r.getName();
      }
    }
    return "";
  }

  private static Long time(String rfc3339) {
    long t = Times.parse(rfc3339);
    return Times.isSet(t) ? t : null;
  }

  private static <T> List<T> nullToEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
