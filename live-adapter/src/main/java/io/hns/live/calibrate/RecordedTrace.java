package io.hns.live.calibrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hns.model.cluster.Times;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded trace read back (see {@link io.hns.live.record.RecordedTraceWriter}): node and pod
 * lifecycles merged across their lines (the latest non-null value of each field wins), plus the
 * time span the recording covers. A line cut short by a crash at the very end is tolerated;
 * anything else malformed is an error naming the line.
 */
public final class RecordedTrace {
  /** A node's lifecycle; times epoch ms or Times.UNSET. */
  public record NodeLife(String name, String kind, String pool, long created, long ready, long deleted) {}

  /** A pod's lifecycle; times epoch ms or Times.UNSET. */
  public record PodLife(String namespace, String name, String workload, String node, String nodeKind, long created,
      long scheduled, long running, long ready, long deleted) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, NodeLife> nodes;
  private final Map<String, PodLife> pods;
  private final long start;
  private final long end;
  private final int lines;

  private RecordedTrace(Map<String, NodeLife> nodes, Map<String, PodLife> pods, long start, long end, int lines) {
    this.nodes = nodes;
    this.pods = pods;
    this.start = start;
    this.end = end;
    this.lines = lines;
  }

  public static RecordedTrace read(Path file) {
    Map<String, NodeLife> nodes = new LinkedHashMap<>();
    Map<String, PodLife> pods = new LinkedHashMap<>();
    long start = Long.MAX_VALUE;
    long end = Long.MIN_VALUE;
    int count = 0;
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      List<String> all = r.lines().toList();
      for (int i = 0; i < all.size(); i++) {
        String line = all.get(i).strip();
        if (line.isEmpty()) continue;
        JsonNode o;
        try {
          o = JSON.readTree(line);
        } catch (IOException e) {
          if (i == all.size() - 1) break; // the recorder was stopped mid-line
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": not a JSON object: " + e.getMessage());
        }
        if (!o.isObject() || !o.path("t").canConvertToLong() || !o.path("type").isTextual()) {
          throw new IllegalArgumentException(file + ":" + (i + 1) + ": a line needs \"t\" (epoch ms) and \"type\"");
        }
        count++;
        long t = o.get("t").asLong();
        start = Math.min(start, t);
        end = Math.max(end, t);
        switch (o.get("type").asText()) {
          case "node" -> {
            String name = o.path("name").asText();
            NodeLife prev = nodes.get(name);
            nodes.put(name, new NodeLife(name, text(o, "kind", prev == null ? "" : prev.kind()),
                text(o, "pool", prev == null ? "" : prev.pool()),
                time(o, "created", prev == null ? Times.UNSET : prev.created()),
                time(o, "ready", prev == null ? Times.UNSET : prev.ready()),
                time(o, "deleted", prev == null ? Times.UNSET : prev.deleted())));
          }
          case "pod" -> {
            String key = o.path("namespace").asText() + "/" + o.path("name").asText();
            PodLife prev = pods.get(key);
            pods.put(key, new PodLife(o.path("namespace").asText(), o.path("name").asText(),
                text(o, "workload", prev == null ? "" : prev.workload()),
                text(o, "node", prev == null ? "" : prev.node()),
                text(o, "node_kind", prev == null ? "" : prev.nodeKind()),
                time(o, "created", prev == null ? Times.UNSET : prev.created()),
                time(o, "scheduled", prev == null ? Times.UNSET : prev.scheduled()),
                time(o, "running", prev == null ? Times.UNSET : prev.running()),
                time(o, "ready", prev == null ? Times.UNSET : prev.ready()),
                time(o, "deleted", prev == null ? Times.UNSET : prev.deleted())));
          }
          default -> { } // replicas, load, event: not needed for latencies
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new RecordedTrace(nodes, pods, count == 0 ? Times.UNSET : start, count == 0 ? Times.UNSET : end, count);
  }

  public Collection<NodeLife> nodes() {
    return nodes.values();
  }

  public Collection<PodLife> pods() {
    return pods.values();
  }

  /** The first line's time: objects created before it were not watched from birth. */
  public long start() {
    return start;
  }

  public long end() {
    return end;
  }

  public int lines() {
    return lines;
  }

  /**
   * VM node boot latencies in seconds, per pool: created to Ready, for VM nodes created while
   * recording (a node older than the recording may have gone NotReady and back since).
   */
  public Map<String, List<Double>> vmBootSeconds() {
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (NodeLife n : nodes.values()) {
      if (n.kind().equals("vm") && Times.isSet(n.created()) && Times.isSet(n.ready()) && n.created() >= start
          && n.ready() > n.created()) {
        out.computeIfAbsent(n.pool(), p -> new ArrayList<>()).add((n.ready() - n.created()) / 1000.0);
      }
    }
    return out;
  }

  /** ACI start latencies in seconds: scheduled on the virtual node to running, for pods scheduled while recording. */
  public List<Double> aciStartSeconds() {
    List<Double> out = new ArrayList<>();
    for (PodLife p : pods.values()) {
      if (p.nodeKind().equals("virtual") && Times.isSet(p.scheduled()) && Times.isSet(p.running())
          && p.scheduled() >= start && p.running() > p.scheduled()) {
        out.add((p.running() - p.scheduled()) / 1000.0);
      }
    }
    return out;
  }

  private static String text(JsonNode o, String field, String fallback) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  private static long time(JsonNode o, String field, long fallback) {
    JsonNode v = o.get(field);
    return v == null || v.isNull() || !v.canConvertToLong() ? fallback : v.asLong();
  }
}
