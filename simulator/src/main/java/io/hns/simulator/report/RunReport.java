package io.hns.simulator.report;

import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.Summary;
import io.hns.simulator.output.TimelineRow;
import io.hns.simulator.report.ReportBlock.Marker;
import io.hns.simulator.report.ReportBlock.Series;
import io.hns.simulator.report.ReportBlock.Style;
import io.hns.simulator.report.ReportBlock.Table;
import io.hns.simulator.report.ReportBlock.TimeSeries;
import io.hns.simulator.scenario.Durations;
import io.hns.simulator.state.ClusterEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections of one run's report: the summary (summary.json's fields, pod start latency
 * percentiles by node kind, events by reason) and the timeline charts (load, replicas by node kind,
 * pending pods, nodes by state, cost).
 */
public final class RunReport {
  /** Above this many timeline rows the charts show every k-th row (and the last), said in a note. */
  static final int MAX_POINTS = 20_000;
  /** Above this many scaling moments the markers would hide the lines: none are drawn, a note says so. */
  static final int MAX_MARKERS = 40;

  static final String VM = "#1f77b4";
  static final String VIRTUAL = "#ff7f0e";
  static final String GREY = "#7f7f7f";
  static final String RED = "#d62728";
  static final String GREEN = "#2ca02c";
  static final String PURPLE = "#9467bd";
  static final String BLACK = "#222222";

  private static final Pattern SCALED =
      Pattern.compile("Scaled (up|down) replica set (\\S+) from (\\d+) to (\\d+)");

  private RunReport() {}

  /** A whole page for one run: {@code report.html}'s content. */
  public static HtmlReport of(RunResult r) {
    return new HtmlReport("hns report: " + r.scenario(), describe(r)).addAll(sections(r));
  }

  /** "policy burst, seed 1, replication 0, 2h simulated". */
  public static String describe(RunResult r) {
    return "policy " + r.policy() + ", seed " + r.seed() + ", replication " + r.replication() + ", "
        + Durations.format(r.durationMs()) + " simulated";
  }

  public static List<ReportSection> sections(RunResult r) {
    Map<String, Object> summary = Summary.of(r);
    return List.of(summarySection(summary), timelineSection(r));
  }

  // ---- summary ----

  static ReportSection summarySection(Map<String, Object> s) {
    Map<String, Object> demand = map(s, "demand");
    Map<String, Object> cost = map(s, "cost");
    Map<String, Object> failures = map(s, "failures");
    Map<String, Object> engine = map(s, "engine");
    List<List<Object>> rows = new ArrayList<>();
    rows.add(row("scenario", s.get("scenario")));
    rows.add(row("policy", s.get("policy")));
    rows.add(row("seed", s.get("seed")));
    rows.add(row("replication", s.get("replication")));
    rows.add(row("duration", Durations.format(Math.round(num(s.get("duration_s")) * 1000))));
    rows.add(row("pods created", s.get("pods_created")));
    rows.add(row("cost, total", usd(cost.get("total_usd"))));
    rows.add(row("cost, VM", usd(cost.get("vm_usd"))));
    rows.add(row("cost, ACI", usd(cost.get("aci_usd"))));
    rows.add(row("ACI pod-seconds", String.format(Locale.ROOT, "%,.0f", num(s.get("aci_pod_seconds")))));
    rows.add(row("ACI share of running pod-seconds", percent(s.get("aci_share_of_pod_seconds"))));
    rows.add(row("offered requests", String.format(Locale.ROOT, "%,.0f", num(demand.get("offered_requests")))));
    rows.add(row("unserved requests", String.format(Locale.ROOT, "%,.0f", num(demand.get("unserved_requests")))));
    rows.add(row("unserved fraction", percent(demand.get("unserved_fraction"))));
    rows.add(row("ACI create failed", failures.get("aci_provider_create_failed")));
    rows.add(row("VMSS scale-up failed", failures.get("vmss_scale_up_failed")));
    rows.add(row("FailedScheduling events", failures.get("failed_scheduling")));
    rows.add(row("engine events", engine.get("events_processed")));
    rows.add(row("engine wall time", engine.get("wall_time_s") + " s"));
    rows.add(row("speed-up over real time", engine.get("speedup_over_real_time") + "x"));

    Map<String, Object> start = map(s, "pod_start_latency_s");
    List<String> stats = List.of("count", "min", "p50", "p90", "p95", "p99", "max", "mean");
    List<String> latencyColumns = new ArrayList<>();
    latencyColumns.add("");
    latencyColumns.addAll(stats);
    List<List<Object>> latency = new ArrayList<>();
    latency.add(statsRow("start on VM nodes (created→Ready)", map(start, "vm"), stats));
    latency.add(statsRow("start on the virtual node (created→Ready)", map(start, "virtual"), stats));
    latency.add(statsRow("start, all pods (created→Ready)", map(start, "all"), stats));
    latency.add(statsRow("pending time (created→Running)", map(s, "pending_time_s"), stats));

    List<List<Object>> events = new ArrayList<>();
    new TreeMap<>(map(s, "events_by_reason")).forEach((reason, count) -> events.add(List.of(reason, count)));

    return ReportSection.builder("summary", "Summary")
        .add(new Table("summary", null, List.of("", "value"), rows))
        .add(new Table("pod-start-latency", "Pod start latency by node kind (seconds)", latencyColumns, latency))
        .add(new Table("events-by-reason", "Events by reason", List.of("reason", "count"), events))
        .build();
  }

  private static List<Object> statsRow(String label, Map<String, Object> p, List<String> stats) {
    List<Object> row = new ArrayList<>();
    row.add(label);
    for (String k : stats) {
      Object v = p.get(k);
      row.add(v == null ? "–" : v);
    }
    return row;
  }

  // ---- timeline ----

  static ReportSection timelineSection(RunResult r) {
    List<TimelineRow> rows = sampled(r.timeline());
    String sampling = rows.size() < r.timeline().size()
        ? "Every " + (r.timeline().size() / Math.max(1, rows.size() - 1)) + "th of " + r.timeline().size()
            + " samples shown (timeline.csv has them all)."
        : null;
    List<Double> x = column(rows, t -> t.time() / 1000.0);
    List<ReportBlock> charts = new ArrayList<>();

    charts.add(new TimeSeries("load", "Load", "requests/s", x, List.of(
        series("offered", BLACK, Style.LINE, rows, TimelineRow::loadRps),
        series("served (Ready capacity)", GREEN, Style.LINE, rows, TimelineRow::servedRps),
        series("unserved", RED, Style.AREA, rows, TimelineRow::unservedRps)), List.of(),
        join(r.offeredRequests() == 0 ? "This scenario has no load curve: offered load is zero." : null, sampling)));

    List<Marker> scaling = scalingMarkers(r.events());
    charts.add(new TimeSeries("replicas", "Replicas by node kind", "pods", x, List.of(
        series("desired", GREY, Style.DASH_STEP, rows, TimelineRow::replicasDesired),
        series("Ready on VM nodes", VM, Style.STEP, rows, TimelineRow::podsReadyVm),
        series("Ready on the virtual node", VIRTUAL, Style.STEP, rows, TimelineRow::podsReadyVirtual)),
        scaling.size() <= MAX_MARKERS ? scaling : List.of(),
        join("Workload pods (kube-system left out); markers: Deployment scale changes.",
            scaling.size() > MAX_MARKERS ? scaling.size() + " scale changes, not marked." : null, sampling)));

    charts.add(new TimeSeries("pending", "Pending pods", "pods", x, List.of(
        series("pending (not Running)", RED, Style.STEP, rows, TimelineRow::podsPending)), List.of(),
        join("Unscheduled, creating or ProviderFailed workload pods.", sampling)));

    List<Marker> autoscaler = autoscalerMarkers(r.events());
    charts.add(new TimeSeries("nodes", "VM nodes by state", "nodes", x, List.of(
        series("Ready", GREEN, Style.STEP, rows, TimelineRow::nodesReady),
        series("NotReady", VIRTUAL, Style.STEP, rows, TimelineRow::nodesNotReady),
        series("creating", PURPLE, Style.STEP, rows, TimelineRow::nodesCreating)),
        autoscaler.size() <= MAX_MARKERS ? autoscaler : List.of(),
        join("Registered VMSS nodes by readiness, and instances requested but not registered yet; markers: cluster autoscaler scale-ups and scale-downs.",
            autoscaler.size() > MAX_MARKERS ? autoscaler.size() + " autoscaler actions, not marked." : null, sampling)));

    charts.add(new TimeSeries("cost", "Cost so far", "USD", x, List.of(
        series("VM", VM, Style.LINE, rows, TimelineRow::costVm),
        series("ACI", VIRTUAL, Style.LINE, rows, TimelineRow::costAci),
        series("total", BLACK, Style.DASH, rows, t -> t.costVm() + t.costAci())), List.of(), sampling));

    ReportSection.Builder b = ReportSection.builder("timeline", "Timeline")
        .intro("Sampled every timeline step after all events of that instant (timeline.csv). Drag on a chart to zoom, double-click to reset.");
    charts.forEach(b::add);
    return b.build();
  }

  static List<TimelineRow> sampled(List<TimelineRow> all) {
    if (all.size() <= MAX_POINTS) {
      return all;
    }
    int stride = (all.size() + MAX_POINTS - 1) / MAX_POINTS;
    List<TimelineRow> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += stride) {
      out.add(all.get(i));
    }
    if ((all.size() - 1) % stride != 0) {
      out.add(all.get(all.size() - 1));
    }
    return out;
  }

  /** Deployment scale changes, one marker per instant: "nginx-vn 1→20". */
  static List<Marker> scalingMarkers(List<ClusterEvent> events) {
    TreeMap<Long, List<String>> at = new TreeMap<>();
    for (ClusterEvent e : events) {
      if (!e.reason().equals("ScalingReplicaSet")) {
        continue;
      }
      Matcher m = SCALED.matcher(e.message());
      String label = m.find() ? e.object().name() + " " + m.group(3) + "→" + m.group(4) : e.object().name();
      at.computeIfAbsent(e.time(), t -> new ArrayList<>()).add(label);
    }
    return markers(at);
  }

  /** Cluster autoscaler actions, one marker per instant. */
  static List<Marker> autoscalerMarkers(List<ClusterEvent> events) {
    TreeMap<Long, List<String>> at = new TreeMap<>();
    for (ClusterEvent e : events) {
      String label = switch (e.reason()) {
        case "TriggeredScaleUp" -> "scale-up";
        case "ScaleDown", "ScaleDownEmpty" -> "scale-down";
        default -> null;
      };
      if (label != null) {
        List<String> labels = at.computeIfAbsent(e.time(), t -> new ArrayList<>());
        if (!labels.contains(label)) {
          labels.add(label);
        }
      }
    }
    return markers(at);
  }

  private static List<Marker> markers(TreeMap<Long, List<String>> at) {
    List<Marker> out = new ArrayList<>();
    at.forEach((t, labels) -> out.add(new Marker(t / 1000.0, String.join(", ", labels))));
    return out;
  }

  // ---- helpers ----

  private static Series series(String label, String color, Style style, List<TimelineRow> rows,
      ToDoubleFunction<TimelineRow> f) {
    return new Series(label, color, style, column(rows, f));
  }

  private static List<Double> column(List<TimelineRow> rows, ToDoubleFunction<TimelineRow> f) {
    List<Double> out = new ArrayList<>(rows.size());
    for (TimelineRow t : rows) {
      out.add(round(f.applyAsDouble(t)));
    }
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 1_000_000.0) / 1_000_000.0;
  }

  private static String join(String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null) {
        if (b.length() > 0) b.append(' ');
        b.append(p);
      }
    }
    return b.length() == 0 ? null : b.toString();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    Object v = m.get(key);
    return v instanceof Map<?, ?> ? (Map<String, Object>) v : Map.of();
  }

  private static List<Object> row(String label, Object value) {
    return List.of(label, value == null ? "–" : value);
  }

  private static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : 0.0;
  }

  private static String usd(Object o) {
    return String.format(Locale.ROOT, "$%,.3f", num(o));
  }

  private static String percent(Object o) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * num(o));
  }
}
