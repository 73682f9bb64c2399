package io.hns.live.record;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.hns.live.arm.ArmNodeGroup;
import io.hns.model.cluster.Times;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Lifecycle timestamps read off Node and Pod objects, as the API server reports them. */
final class Lifecycles {
  private Lifecycles() {}

  static boolean isVirtual(Node n) {
    Map<String, String> labels = n.getMetadata().getLabels();
    return labels != null && "virtual-kubelet".equals(labels.get("type"));
  }

  static String pool(Node n) {
    Map<String, String> labels = n.getMetadata().getLabels();
    if (labels == null) return "";
    String p = labels.get(ArmNodeGroup.POOL_LABEL);
    return p != null ? p : labels.getOrDefault(ArmNodeGroup.LEGACY_POOL_LABEL, "");
  }

  /** The Ready condition's transition to True; UNSET while not Ready. */
  static long nodeReady(Node n) {
    if (n.getStatus() == null || n.getStatus().getConditions() == null) return Times.UNSET;
    for (NodeCondition c : n.getStatus().getConditions()) {
      if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) {
        return Times.parse(c.getLastTransitionTime());
      }
    }
    return Times.UNSET;
  }

  /**
   * @param nodeKind node name to "vm" or "virtual" (empty when the node is unknown)
   * @param runningSeen when the recorder first saw the pod Running, the fallback when the
   *     containers report no start time
   */
  static PodTimes pod(Pod p, Function<String, String> nodeKind, long runningSeen, long deleted) {
    var meta = p.getMetadata();
    String node = p.getSpec() == null || p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
    long scheduled = Times.UNSET;
    long ready = Times.UNSET;
    long running = Times.UNSET;
    if (p.getStatus() != null) {
      for (PodCondition c : nullToEmpty(p.getStatus().getConditions())) {
        if ("PodScheduled".equals(c.getType()) && "True".equals(c.getStatus())) scheduled = Times.parse(c.getLastTransitionTime());
        if ("Ready".equals(c.getType()) && "True".equals(c.getStatus())) ready = Times.parse(c.getLastTransitionTime());
      }
      if ("Running".equals(p.getStatus().getPhase()) || "Succeeded".equals(p.getStatus().getPhase())) {
        // Running means every container started: the last container start is when the pod ran.
        for (ContainerStatus cs : nullToEmpty(p.getStatus().getContainerStatuses())) {
          if (cs.getState() != null && cs.getState().getRunning() != null && cs.getState().getRunning().getStartedAt() != null) {
            running = Math.max(running, Times.parse(cs.getState().getRunning().getStartedAt()));
          }
        }
        if (!Times.isSet(running)) running = runningSeen;
      }
    }
    long deletion = Times.isSet(deleted) ? deleted : Times.parse(meta.getDeletionTimestamp());
    return new PodTimes(meta.getNamespace(), meta.getName(), workload(p), node, node.isEmpty() ? "" : nodeKind.apply(node),
        Times.parse(meta.getCreationTimestamp()), scheduled, running, ready, deletion);
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

  private static <T> List<T> nullToEmpty(List<T> l) {
    return l == null ? List.of() : l;
  }
}
