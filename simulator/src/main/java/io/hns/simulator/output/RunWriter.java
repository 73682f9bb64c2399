package io.hns.simulator.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.hns.simulator.state.ClusterEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a run's files: timeline.csv, pods.csv, nodes.csv, events.jsonl, summary.json (docs/outputs.md). */
public final class RunWriter {
  static final List<String> TIMELINE_COLUMNS = List.of("time_s", "load_rps", "served_rps", "unserved_rps",
      "replicas_desired", "pods_pending", "pods_running_vm", "pods_running_virtual", "pods_ready_vm",
      "pods_ready_virtual", "nodes_ready", "nodes_not_ready", "nodes_creating", "cost_vm_usd", "cost_aci_usd",
      "cost_total_usd");
  static final List<String> POD_COLUMNS = List.of("pod", "namespace", "workload", "created_s", "scheduled_s", "node",
      "node_kind", "running_s", "ready_s", "deleted_s", "final_phase", "reason");
  static final List<String> NODE_COLUMNS = List.of("node", "pool", "kind", "vm_size", "created_s", "ready_s", "deleted_s");

  // Quote only where CSV needs it (the default heuristic quotes some plain names).
  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunWriter() {}

  public static void write(Path dir, RunResult r) {
    try {
      Files.createDirectories(dir);
      List<List<Object>> timeline = new ArrayList<>();
      for (TimelineRow t : r.timeline()) {
        timeline.add(List.of(seconds(t.time()), num(t.loadRps()), num(t.servedRps()), num(t.unservedRps()),
            t.replicasDesired(), t.podsPending(), t.podsRunningVm(), t.podsRunningVirtual(), t.podsReadyVm(),
            t.podsReadyVirtual(), t.nodesReady(), t.nodesNotReady(), t.nodesCreating(), money(t.costVm()),
            money(t.costAci()), money(t.costVm() + t.costAci())));
      }
      csv(dir.resolve("timeline.csv"), TIMELINE_COLUMNS, timeline);
      List<List<Object>> pods = new ArrayList<>();
      for (PodRecord p : r.pods()) {
        pods.add(List.of(p.pod(), p.namespace(), p.workload(), seconds(p.created()), seconds(p.scheduled()),
            p.node(), p.nodeKind(), seconds(p.running()), seconds(p.ready()), seconds(p.deleted()),
            p.finalPhase(), p.reason()));
      }
      csv(dir.resolve("pods.csv"), POD_COLUMNS, pods);
      List<List<Object>> nodes = new ArrayList<>();
      for (NodeRecord n : r.nodes()) {
        nodes.add(List.of(n.node(), n.pool(), n.kind(), n.vmSize(), seconds(n.created()), seconds(n.ready()),
            seconds(n.deleted())));
      }
      csv(dir.resolve("nodes.csv"), NODE_COLUMNS, nodes);
      try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8)) {
        for (ClusterEvent e : r.events()) {
          w.write(JSON.writeValueAsString(eventJson(e)));
          w.write('\n');
        }
      }
      JSON.writer().with(SerializationFeature.INDENT_OUTPUT)
          .writeValue(dir.resolve("summary.json").toFile(), Summary.of(r));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write outputs to " + dir + ": " + e.getMessage(), e);
    }
  }

  static Map<String, Object> eventJson(ClusterEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("time_s", e.time() / 1000.0);
    m.put("kind", e.object().kind());
    m.put("namespace", e.object().namespace());
    m.put("name", e.object().name());
    m.put("type", e.type());
    m.put("reason", e.reason());
    m.put("message", e.message());
    return m;
  }

  private static void csv(Path file, List<String> columns, List<List<Object>> rows) throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    columns.forEach(schema::addColumn);
    CSV.writer(schema.build()).writeValue(file.toFile(), rows);
  }

  /** Seconds with millisecond precision; empty for "never" (-1). */
  static String seconds(long ms) {
    if (ms < 0) {
      return "";
    }
    return ms % 1000 == 0 ? Long.toString(ms / 1000) : java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString();
  }

  static String num(double v) {
    return java.math.BigDecimal.valueOf(Math.round(v * 1000) / 1000.0).stripTrailingZeros().toPlainString();
  }

  static String money(double v) {
    return java.math.BigDecimal.valueOf(Math.round(v * 1_000_000) / 1_000_000.0).stripTrailingZeros().toPlainString();
  }
}
