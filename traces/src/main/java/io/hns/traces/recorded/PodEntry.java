package io.hns.traces.recorded;

/**
 * {@code pod}: what is known about one pod at {@code timeMs}. The recorder writes one at each
 * lifecycle change; a later entry for the same pod ({@code uid}, or namespace/name without one) adds
 * to or overrides the earlier ones ({@link RecordedLifecycles}).
 *
 * @param timeMs when this was observed
 * @param name the pod name
 * @param namespace the pod namespace
 * @param uid {@code metadata.uid} (optional; tells apart pods that reuse a name)
 * @param workload the owning Deployment (or ReplicaSet, DaemonSet) name (optional)
 * @param node the node it is bound to, or {@code null}
 * @param nodeKind the kind of that node, or {@code null}
 * @param createdMs creation, or {@code null}
 * @param scheduledMs binding to a node (PodScheduled), or {@code null}
 * @param runningMs phase Running, or {@code null}
 * @param readyMs the Ready condition, or {@code null}
 * @param deletedMs deletion, or {@code null}
 * @param reason the last status reason, e.g. {@code ProviderFailed} (optional)
 */
public record PodEntry(long timeMs, String name, String namespace, String uid, String workload, String node,
    NodeKind nodeKind, Long createdMs, Long scheduledMs, Long runningMs, Long readyMs, Long deletedMs,
    String reason) implements RecordedEntry {
  @Override
  public String type() {
    return "pod";
  }

  /** The identity used to merge entries: the uid, or namespace/name. */
  public String key() {
    return uid != null ? uid : namespace + "/" + name;
  }

  /** This entry completed by {@code later}: the later entry's non-null values win. */
  public PodEntry mergedWith(PodEntry later) {
    return new PodEntry(later.timeMs, name, namespace, uid != null ? uid : later.uid,
        pick(later.workload, workload), pick(later.node, node), later.nodeKind != null ? later.nodeKind : nodeKind,
        pick(later.createdMs, createdMs), pick(later.scheduledMs, scheduledMs), pick(later.runningMs, runningMs),
        pick(later.readyMs, readyMs), pick(later.deletedMs, deletedMs), pick(later.reason, reason));
  }

  private static <T> T pick(T later, T earlier) {
    return later != null ? later : earlier;
  }
}
