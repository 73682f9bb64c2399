package io.hns.model.manifest;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Times;
import java.util.List;
import java.util.Set;

/** Compiles a Pod object (spec and status) into a {@link Pod}. */
public final class PodCompiler {
  private PodCompiler() {}

  public static Pod compile(SourcedObject o) {
    FabricObjects.requireKind(o, Set.of("Pod"), "a pod file");
    var p = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.Pod.class);
    String where = o.describe();
    var meta = p.getMetadata();
    if (meta == null || meta.getName() == null) {
      throw new ManifestException(o.where() + ": Pod has no metadata.name");
    }
    PodSpec spec = PodSpecCompiler.compile(p.getSpec(), where + ": spec");
    Pod.Builder b = Pod.builder(meta.getNamespace(), meta.getName(), spec)
        .uid(meta.getUid())
        .labels(Labels.of(meta.getLabels()))
        .annotations(Labels.of(meta.getAnnotations()))
        .owner(controller(meta.getOwnerReferences()))
        .nodeName(p.getSpec().getNodeName())
        .creationTime(time(meta.getCreationTimestamp(), where, "metadata.creationTimestamp"))
        .deletionTime(time(meta.getDeletionTimestamp(), where, "metadata.deletionTimestamp"));
    var status = p.getStatus();
    if (status != null) {
      try {
        b.phase(PodPhase.parse(status.getPhase()));
      } catch (IllegalArgumentException e) {
        throw new ManifestException(where + ": status.phase: " + e.getMessage());
      }
      b.startTime(time(status.getStartTime(), where, "status.startTime"));
      b.reason(status.getReason());
      for (PodCondition c : SelectorCompiler.nullToEmpty(status.getConditions())) {
        if ("Ready".equals(c.getType())) {
          b.ready(ConditionStatus.parse(c.getStatus()), time(c.getLastTransitionTime(), where, "status.conditions[Ready].lastTransitionTime"));
        } else if ("PodScheduled".equals(c.getType())) {
          b.unschedulable("False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()));
        }
      }
      int restarts = 0;
      for (ContainerStatus cs : SelectorCompiler.nullToEmpty(status.getContainerStatuses())) {
        restarts = Math.max(restarts, cs.getRestartCount() == null ? 0 : cs.getRestartCount());
      }
      b.restartCount(restarts);
    }
    return b.build();
  }

  /** The owner reference with {@code controller: true}, or null. */
  static OwnerRef controller(List<OwnerReference> refs) {
    for (OwnerReference r : SelectorCompiler.nullToEmpty(refs)) {
      if (Boolean.TRUE.equals(r.getController())) {
        return new OwnerRef(r.getKind(), r.getName(), r.getUid());
      }
    }
    return null;
  }

  static long time(String value, String where, String field) {
    try {
      return Times.parse(value);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(where + ": " + field + ": " + e.getMessage());
    }
  }
}
