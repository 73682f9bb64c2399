package io.hns.cli;

import io.hns.simulator.plan.Estimate;
import io.hns.simulator.plan.Metric;
import io.hns.simulator.plan.PlanNumbers;
import io.hns.simulator.plan.PointStats;
import io.hns.simulator.plan.Planner;
import io.hns.simulator.plan.Recommendation;
import io.hns.simulator.plan.Shard;
import io.hns.simulator.plan.Sweep;
import io.hns.simulator.plan.SweepAnalysis;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What {@code hns plan} prints: what ran, a table of points (or of the Pareto front) and the recommendation. */
final class PlanReport {
  /** Beyond this many points the table shows the Pareto front and the recommended point only. */
  static final int MAX_ROWS = 30;

  private PlanReport() {}

  static void print(PrintWriter out, Planner.Result r, String engine, Shard shard) {
    SweepAnalysis a = r.analysis();
    Sweep sweep = a.sweep();
    var o = r.outcome();
    out.println();
    out.printf("Sweep %s: %d points x up to %d replications (common random numbers), %d runs used%s%n",
        sweep.name(), sweep.points().size(), sweep.replications(), o.runs().size(),
        shard.isAll() ? "" : " (shard " + shard + ": its points only)");
    if (o.executed() > 0 || o.resumed() > 0) {
      out.printf("  %d runs done now and %d resumed from runs.csv, in %.1f s on %s%n", o.executed(), o.resumed(),
          o.wallMs() / 1000.0, engine);
    }
    long stopped = a.points().stream().filter(PointStats::stoppedEarly).count();
    if (stopped > 0) {
      out.printf("  %d points stopped early (stopWhen met)%n", stopped);
    }
    if (!sweep.slo().isEmpty()) {
      out.printf("  SLO: %s, at the upper end of the %s confidence interval%n",
          String.join(" and ", sweep.slo().stream().map(Object::toString).toList()), percent(sweep.confidence()));
    }
    out.println();
    table(a).print(out);
    out.println();
    out.println(a.recommendation().message());
    if (!shard.isAll()) {
      out.println("This is one shard: combine all shards with hns plan merge DIR... for the sweep's recommendation.");
    }
    out.printf("Files: %s (runs.csv, points.csv, pareto.csv, summary.json)%n", r.dir());
    out.flush();
  }

  static TextTable table(SweepAnalysis a) {
    Sweep sweep = a.sweep();
    List<Metric> metrics = sweep.frontMetrics();
    Set<Integer> front = new HashSet<>();
    a.pareto().forEach(p -> front.add(p.point().id()));
    Recommendation rec = a.recommendation();
    int recommended = rec.point() == null ? -1 : rec.point().point().id();
    List<PointStats> rows = a.points();
    if (rows.size() > MAX_ROWS) {
      rows = new ArrayList<>(a.pareto());
      if (rec.point() != null && !front.contains(recommended)) {
        rows.add(rec.point());
      }
    }
    List<String> header = new ArrayList<>();
    header.add("POINT");
    sweep.axes().forEach(ax -> header.add(ax.toUpperCase(java.util.Locale.ROOT)));
    header.add("RUNS");
    metrics.forEach(m -> header.add(m.column().toUpperCase(java.util.Locale.ROOT) + " [CI]"));
    if (!sweep.slo().isEmpty()) {
      header.add("SLO");
    }
    header.add("NOTE");
    TextTable t = new TextTable(header.toArray(String[]::new));
    for (PointStats p : rows) {
      List<String> row = new ArrayList<>();
      row.add(Integer.toString(p.point().id()));
      sweep.axes().forEach(ax -> row.add(p.point().value(ax).isEmpty() ? "-" : p.point().value(ax)));
      row.add(Integer.toString(p.runs()));
      metrics.forEach(m -> row.add(interval(p.estimate(m))));
      if (!sweep.slo().isEmpty()) {
        row.add(p.meetsSlo() ? "met" : "-");
      }
      List<String> notes = new ArrayList<>();
      if (p.point().id() == recommended) {
        notes.add(rec.status() == Recommendation.Status.NONE_MEETS_SLO ? "closest" : "recommended");
      }
      if (front.contains(p.point().id())) notes.add("pareto");
      row.add(String.join(", ", notes));
      t.row(row.toArray(String[]::new));
    }
    return t;
  }

  static String interval(Estimate e) {
    if (e.n() == 0) {
      return "n/a";
    }
    if (Double.isNaN(e.halfWidth())) {
      return fmt(e.mean());
    }
    return fmt(e.mean()) + " [" + fmt(e.ciLow()) + ", " + fmt(e.ciHigh()) + "]";
  }

  private static String fmt(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return PlanNumbers.format(v);
    }
    return PlanNumbers.format(new BigDecimal(v).round(new MathContext(3)).doubleValue());
  }

  private static String percent(double p) {
    double v = p * 100;
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + "%";
  }
}
