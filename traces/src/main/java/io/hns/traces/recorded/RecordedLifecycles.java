package io.hns.traces.recorded;

import io.hns.traces.TraceInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pod and node lifecycles of a recorded trace, for calibration (node boot and pod start
 * latencies): every {@code node} and {@code pod} entry merged by identity (node name; pod uid, or
 * namespace/name), later non-null values winning, in order of first appearance. Memory: one merged
 * entry per pod and node ever seen (use {@link RecordedEntryReader} to stream the raw entries instead).
 *
 * @param nodes the nodes
 * @param pods the pods
 */
public record RecordedLifecycles(List<NodeEntry> nodes, List<PodEntry> pods) {
  /** Copies the lists. */
  public RecordedLifecycles {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
  }

  /** Reads {@code input} once. */
  public static RecordedLifecycles read(TraceInput input) {
    Map<String, NodeEntry> nodes = new LinkedHashMap<>();
    Map<String, PodEntry> pods = new LinkedHashMap<>();
    try (RecordedEntryReader r = new RecordedEntryReader(input)) {
      while (r.hasNext()) {
        RecordedEntry e = r.next();
        if (e instanceof NodeEntry n) {
          nodes.merge(n.name(), n, NodeEntry::mergedWith);
        } else if (e instanceof PodEntry p) {
          pods.merge(p.key(), p, PodEntry::mergedWith);
        }
      }
    }
    return new RecordedLifecycles(new ArrayList<>(nodes.values()), new ArrayList<>(pods.values()));
  }
}
