package io.hns.live.calibrate;

import io.hns.traces.TraceInput;
import io.hns.traces.recorded.NodeEntry;
import io.hns.traces.recorded.NodeKind;
import io.hns.traces.recorded.PodEntry;
import io.hns.traces.recorded.RecordedEntryReader;
import io.hns.traces.recorded.RecordedLifecycles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latencies {@code hns calibrate} fits, taken from a recorded trace read by the traces module
 * ({@link RecordedEntryReader} for the span, {@link RecordedLifecycles} for the merged node and pod
 * lifecycles: docs/traces.md). Only objects born while recording count: a node or pod older than
 * the recording's first line may have gone through its lifecycle unobserved.
 *
 * @param start the first line's time (the {@code meta} line of {@code hns record}), epoch ms
 * @param entries how many entries the trace has
 * @param vmBootSeconds per pool (empty string: no pool), VM nodes' created to Ready, in seconds
 * @param aciStartSeconds pods scheduled on the virtual node to running, in seconds
 */
public record LatencySamples(long start, long entries, Map<String, List<Double>> vmBootSeconds, List<Double> aciStartSeconds) {

  /** Reads {@code input} twice: once for the span, once for the lifecycles. */
  public static LatencySamples read(TraceInput input) {
    long start = Long.MAX_VALUE;
    long entries = 0;
    try (RecordedEntryReader r = new RecordedEntryReader(input)) {
      while (r.hasNext()) {
        start = Math.min(start, r.next().timeMs());
        entries++;
      }
    }
    return of(entries == 0 ? Long.MIN_VALUE : start, entries, RecordedLifecycles.read(input));
  }

  public static LatencySamples of(long start, long entries, RecordedLifecycles lifecycles) {
    Map<String, List<Double>> boot = new LinkedHashMap<>();
    for (NodeEntry n : lifecycles.nodes()) {
      if (n.kind() == NodeKind.VM && n.createdMs() != null && n.readyMs() != null && n.createdMs() >= start
          && n.readyMs() > n.createdMs()) {
        boot.computeIfAbsent(n.pool() == null ? "" : n.pool(), p -> new ArrayList<>()).add((n.readyMs() - n.createdMs()) / 1000.0);
      }
    }
    List<Double> aci = new ArrayList<>();
    for (PodEntry p : lifecycles.pods()) {
      if (p.nodeKind() == NodeKind.VIRTUAL && p.scheduledMs() != null && p.runningMs() != null && p.scheduledMs() >= start
          && p.runningMs() > p.scheduledMs()) {
        aci.add((p.runningMs() - p.scheduledMs()) / 1000.0);
      }
    }
    return new LatencySamples(start, entries, boot, aci);
  }
}
