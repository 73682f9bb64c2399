package io.hns.simulator.plan;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a sweep's files (docs/plan.md): runs.csv sorted, points.csv, pareto.csv and summary.json.
 * Everything but summary.json's {@code engine} block is a function of the sweep and its runs.
 */
public final class PlanWriter {
  public static final String POINTS_CSV = "points.csv";
  public static final String PARETO_CSV = "pareto.csv";
  public static final String SUMMARY_JSON = "summary.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private PlanWriter() {}

  /**
   * All four files.
   *
   * @param engine the machine-dependent facts for summary.json's {@code engine} block
   */
  public static void writeAll(Path dir, SweepAnalysis a, List<RunRecord> runs, long seed, String fingerprint,
      Shard shard, Map<String, Object> engine) {
    RunsCsv.write(dir.resolve(RunsCsv.FILE), a.sweep(), runs);
    PlanFiles.writeAtomically(dir.resolve(POINTS_CSV), pointsCsv(a));
    PlanFiles.writeAtomically(dir.resolve(PARETO_CSV), paretoCsv(a));
    Map<String, Object> summary = summary(a, runs.size(), seed, fingerprint);
    if (!shard.isAll()) {
      // A shard's recommendation is among its own points only; hns plan merge gives the sweep's.
      summary.put("shard", shard.toString());
    }
    summary.put("engine", engine);
    try {
      PlanFiles.writeAtomically(dir.resolve(SUMMARY_JSON), JSON.writeValueAsString(summary) + "\n");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String pointsCsv(SweepAnalysis a) {
    Sweep sweep = a.sweep();
    List<String> header = new ArrayList<>(leading(sweep));
    header.add("stopped_early");
    header.add("meets_slo");
    for (Metric m : Metric.values()) {
      header.addAll(List.of(m.column() + "_mean", m.column() + "_ci_low", m.column() + "_ci_high"));
    }
    StringBuilder b = new StringBuilder(Csv.line(header)).append('\n');
    for (PointStats p : a.points()) {
      List<String> row = leadingCells(sweep, p);
      row.add(Boolean.toString(p.stoppedEarly()));
      row.add(sweep.slo().isEmpty() ? "" : Boolean.toString(p.meetsSlo()));
      for (Metric m : Metric.values()) {
        interval(row, p.estimate(m));
      }
      b.append(Csv.line(row)).append('\n');
    }
    return b.toString();
  }

  static String paretoCsv(SweepAnalysis a) {
    Sweep sweep = a.sweep();
    List<String> header = new ArrayList<>(leading(sweep));
    header.add("meets_slo");
    for (Metric m : sweep.frontMetrics()) {
      header.addAll(List.of(m.column() + "_mean", m.column() + "_ci_low", m.column() + "_ci_high"));
    }
    StringBuilder b = new StringBuilder(Csv.line(header)).append('\n');
    for (PointStats p : a.pareto()) {
      List<String> row = leadingCells(sweep, p);
      row.add(sweep.slo().isEmpty() ? "" : Boolean.toString(p.meetsSlo()));
      for (Metric m : sweep.frontMetrics()) {
        interval(row, p.estimate(m));
      }
      b.append(Csv.line(row)).append('\n');
    }
    return b.toString();
  }

  private static List<String> leading(Sweep sweep) {
    List<String> h = new ArrayList<>();
    h.add("point");
    h.addAll(sweep.axes());
    h.add("runs");
    return h;
  }

  private static List<String> leadingCells(Sweep sweep, PointStats p) {
    List<String> row = new ArrayList<>();
    row.add(Integer.toString(p.point().id()));
    sweep.axes().forEach(axis -> row.add(p.point().value(axis)));
    row.add(Integer.toString(p.runs()));
    return row;
  }

  private static void interval(List<String> row, Estimate e) {
    row.add(PlanNumbers.format(e.mean()));
    row.add(PlanNumbers.format(e.ciLow()));
    row.add(PlanNumbers.format(e.ciHigh()));
  }

  /** summary.json without the engine block. */
  static Map<String, Object> summary(SweepAnalysis a, int runs, long seed, String fingerprint) {
    Sweep sweep = a.sweep();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sweep", sweep.name());
    m.put("description", sweep.description());
    m.put("base", sweep.base());
    m.put("fingerprint", fingerprint);
    m.put("seed", seed);
    m.put("replications", sweep.replications());
    m.put("confidence", sweep.confidence());
    m.put("axes", sweep.axes());
    m.put("points", sweep.points().size());
    m.put("points_with_runs", a.points().size());
    m.put("runs", runs);
    m.put("points_stopped_early", a.points().stream().filter(PointStats::stoppedEarly).map(p -> p.point().id()).toList());
    m.put("objective", sweep.objective().column());
    List<Map<String, Object>> slo = new ArrayList<>();
    for (SloTarget s : sweep.slo()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("metric", s.metric().column());
      t.put("max", num(s.max()));
      slo.add(t);
    }
    m.put("slo", slo);
    List<Map<String, Object>> stop = new ArrayList<>();
    for (StopRule r : sweep.stopWhen()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("metric", r.metric().column());
      if (r.relativeHalfWidth() != null) t.put("relativeHalfWidth", num(r.relativeHalfWidth()));
      if (r.halfWidth() != null) t.put("halfWidth", num(r.halfWidth()));
      t.put("minReplications", r.minReplications());
      t.put("checkEvery", r.checkEvery());
      stop.add(t);
    }
    m.put("stop_when", stop);
    m.put("recommendation", recommendation(a.recommendation(), sweep));
    m.put("points_meeting_slo", a.points().stream().filter(PointStats::meetsSlo).map(p -> p.point().id()).toList());
    m.put("pareto", a.pareto().stream().map(p -> p.point().id()).toList());
    return m;
  }

  private static Map<String, Object> recommendation(Recommendation r, Sweep sweep) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
    m.put("message", r.message());
    if (r.point() == null) {
      return m;
    }
    m.put("point", r.point().point().id());
    Map<String, Object> values = new LinkedHashMap<>();
    sweep.axes().forEach(axis -> values.put(axis, r.point().point().value(axis)));
    m.put("values", values);
    m.put("runs", r.point().runs());
    Map<String, Object> objective = new LinkedHashMap<>();
    objective.put("metric", sweep.objective().column());
    objective.putAll(estimate(r.point().estimate(sweep.objective())));
    m.put("objective", objective);
    List<Map<String, Object>> checks = new ArrayList<>();
    for (Recommendation.Check c : r.checks()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("metric", c.slo().metric().column());
      t.put("max", num(c.slo().max()));
      t.putAll(estimate(c.estimate()));
      t.put("met", c.met());
      t.put("confidence", num(c.confidence()));
      checks.add(t);
    }
    m.put("slo", checks);
    m.put("confidence", num(r.confidence()));
    return m;
  }

  private static Map<String, Object> estimate(Estimate e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mean", num(e.mean()));
    m.put("ci_low", num(e.ciLow()));
    m.put("ci_high", num(e.ciHigh()));
    return m;
  }

  /** Numbers as the CSV files print them; NaN (no value) as null. */
  static BigDecimal num(double v) {
    return Double.isFinite(v) ? new BigDecimal(PlanNumbers.format(v)) : null;
  }
}
