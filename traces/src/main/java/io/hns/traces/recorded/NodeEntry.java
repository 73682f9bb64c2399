package io.hns.traces.recorded;

/**
 * {@code node}: what is known about one node at {@code timeMs}. The recorder writes one at each
 * change (registered, Ready, deleted); a later entry for the same name adds to or overrides the
 * earlier ones ({@link RecordedLifecycles}).
 *
 * @param timeMs when this was observed
 * @param name the node name
 * @param kind VM or virtual node
 * @param pool the node pool (optional; absent for the virtual node)
 * @param vmSize the VM size, e.g. {@code Standard_DS2_v2} (optional)
 * @param createdMs registration ({@code metadata.creationTimestamp}), or {@code null}
 * @param readyMs the first Ready condition, or {@code null}
 * @param deletedMs deletion, or {@code null}
 */
public record NodeEntry(long timeMs, String name, NodeKind kind, String pool, String vmSize,
    Long createdMs, Long readyMs, Long deletedMs) implements RecordedEntry {
  @Override
  public String type() {
    return "node";
  }

  /** This entry completed by {@code later}: the later entry's non-null values win. */
  public NodeEntry mergedWith(NodeEntry later) {
    return new NodeEntry(later.timeMs, name, later.kind != null ? later.kind : kind,
        later.pool != null ? later.pool : pool, later.vmSize != null ? later.vmSize : vmSize,
        later.createdMs != null ? later.createdMs : createdMs, later.readyMs != null ? later.readyMs : readyMs,
        later.deletedMs != null ? later.deletedMs : deletedMs);
  }
}
