package io.hns.cli;

import io.hns.traces.Durations;
import io.hns.traces.Gap;
import io.hns.traces.GapCounter;
import io.hns.traces.PointCursor;
import io.hns.traces.Timestamps;
import io.hns.traces.Trace;
import io.hns.traces.TracePipeline;
import io.hns.traces.TraceSummary;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hns trace inspect}: a trace's span, resolution, distribution (min, median, p95, max,
 * mean), peak-to-median ratio and gaps, after the transforms given.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show a trace's duration, resolution, points, min/median/p95/max/mean,",
      "peak-to-median ratio and gaps, after the transforms given, applied in this",
      "order: --from/--to, --gaps, --resample, --scale*, --start-at/--shift, --loop.",
      "Gaps are listed, not refused, unless --gaps error is given."
    })
public final class TraceInspectCommand implements Callable<Integer> {
  /** How many gaps are listed. */
  static final int GAPS_LISTED = 5;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The trace file (.gz files are decompressed).")
  Path file;

  @Mixin TraceReadOptions read;

  @Mixin TraceTransformOptions transforms;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() {
    TracePipeline pipeline = transforms.pipeline();
    Trace raw = read.read(file);
    Trace trace = pipeline.apply(raw);
    TraceSummary summary = TraceSummary.of(trace, GAPS_LISTED);
    TraceSummary.Gaps filled = null;
    if (pipeline.fillsGaps()) {
      Trace before = pipeline.window(raw);
      GapCounter counter = new GapCounter(before.info().resolutionMs(), GAPS_LISTED);
      try (PointCursor c = before.open()) {
        c.forEachRemaining(counter);
      }
      filled = TraceSummary.Gaps.of(counter);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      Json.print(out, json(summary, pipeline, filled));
    } else {
      text(out, summary, pipeline, filled);
    }
    return 0;
  }

  private Map<String, Object> json(TraceSummary s, TracePipeline pipeline, TraceSummary.Gaps filled) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file.toString());
    m.put("format", s.info().format());
    m.put("name", s.info().name());
    m.put("kind", s.info().kind().label());
    m.put("unit", s.info().unit());
    m.put("value_unit", s.info().valueUnit());
    m.put("resolution_s", s.info().resolutionMs() / 1000.0);
    m.put("transforms", s.steps());
    m.put("start", Timestamps.format(s.startMs()));
    m.put("end", Timestamps.format(s.endMs()));
    m.put("start_ms", s.startMs());
    m.put("end_ms", s.endMs());
    m.put("duration_s", s.durationMs() / 1000.0);
    m.put("points", s.points());
    m.put("values", stats(s.values()));
    m.put("rate_per_s", stats(s.rates()));
    m.put("peak_to_median", s.peakToMedian().isPresent() ? s.peakToMedian().getAsDouble() : null);
    Map<String, Object> gaps = gaps(s.gaps());
    gaps.put("policy", pipeline.gaps() == null ? null : pipeline.gaps().id());
    if (filled != null) {
      gaps.put("filled", gaps(filled));
    }
    m.put("gaps", gaps);
    return m;
  }

  private static Map<String, Object> stats(TraceSummary.Stats s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("min", s.min());
    m.put("median", s.median());
    m.put("p95", s.p95());
    m.put("max", s.max());
    m.put("mean", s.mean());
    return m;
  }

  private static Map<String, Object> gaps(TraceSummary.Gaps g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", g.count());
    m.put("missing_intervals", g.missingIntervals());
    List<Map<String, Object>> first = new ArrayList<>();
    for (Gap gap : g.first()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("from", Timestamps.format(gap.fromMs()));
      x.put("to", Timestamps.format(gap.firstAfterMs()));
      x.put("missing_intervals", gap.missingIntervals());
      first.add(x);
    }
    m.put("first", first);
    m.put("irregular_steps", g.irregularSteps());
    return m;
  }

  /** Width of the label column, so that all sections line up. */
  private static final int LABEL = 11;

  private static String label(String l) {
    return l + " ".repeat(Math.max(0, LABEL - l.length()));
  }

  private void text(PrintWriter out, TraceSummary s, TracePipeline pipeline, TraceSummary.Gaps filled) {
    TextTable head = new TextTable(label("trace"), s.info().name() + " (" + s.info().format() + ")");
    head.row("file", file.toString());
    head.row("values", s.info().valueUnit() + " (" + s.info().kind().label() + ")");
    head.row("transforms", s.steps().isEmpty() ? "none" : String.join(" | ", s.steps()));
    head.row("start", Timestamps.format(s.startMs()));
    head.row("end", Timestamps.format(s.endMs()));
    head.row("duration", Durations.format(s.durationMs()));
    head.row("resolution", Durations.format(s.info().resolutionMs()));
    head.row("points", Long.toString(s.points()));
    head.print(out);
    out.println();

    String unit = s.info().valueUnit();
    boolean both = !unit.equals(s.info().unit() + "/s");
    TextTable stats = both ? new TextTable(label(""), unit, s.info().unit() + "/s") : new TextTable(label(""), unit);
    row(stats, both, "min", s.values().min(), s.rates().min());
    row(stats, both, "median", s.values().median(), s.rates().median());
    row(stats, both, "p95", s.values().p95(), s.rates().p95());
    row(stats, both, "max", s.values().max(), s.rates().max());
    row(stats, both, "mean", s.values().mean(), s.rates().mean());
    String ratio = s.peakToMedian().isPresent() ? number(s.peakToMedian().getAsDouble()) : "undefined (the median is 0)";
    if (both) {
      stats.row("peak/median", ratio, "");
    } else {
      stats.row("peak/median", ratio);
    }
    stats.print(out);
    out.println();

    String indent = label("") + "  ";
    out.println(label("gaps") + "  " + describe(s.gaps()) + (filled != null && s.gaps().count() == 0
        ? " after --gaps " + pipeline.gaps().id() : ""));
    list(out, indent, s.gaps());
    if (s.gaps().count() > 0 && pipeline.gaps() == null) {
      out.println(indent + "(fill them with --gaps zero, hold or interpolate; replay refuses gaps otherwise)");
    }
    if (filled != null) {
      out.println(label("filled") + "  " + describe(filled) + " with --gaps " + pipeline.gaps().id());
      list(out, indent, filled);
    }
    if (s.gaps().irregularSteps() > 0) {
      out.println(label("irregular") + "  " + s.gaps().irregularSteps() + " steps are neither one resolution nor a gap");
    }
    out.flush();
  }

  private static void list(PrintWriter out, String indent, TraceSummary.Gaps g) {
    for (Gap gap : g.first()) {
      out.println(indent + gap.describe());
    }
    if (g.count() > g.first().size()) {
      out.println(indent + "... " + (g.count() - g.first().size()) + " more");
    }
  }

  private static String describe(TraceSummary.Gaps g) {
    if (g.count() == 0) {
      return "none";
    }
    return g.count() + " (" + g.missingIntervals() + " missing interval" + (g.missingIntervals() == 1 ? "" : "s") + ")";
  }

  private static void row(TextTable t, boolean both, String name, double value, double rate) {
    if (both) {
      t.row(name, number(value), number(rate));
    } else {
      t.row(name, number(value));
    }
  }

  /** At most three decimals, no trailing zeros. */
  static String number(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }
}
