package io.hns.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The section a sweep adds to its report: the Pareto chart of cost against an SLO metric with
 * confidence intervals, then a table of the points. {@code hns plan --report} builds one from
 * points.csv and pareto.csv; any caller with points can.
 */
public final class ParetoSection {
  private ParetoSection() {}

  /**
   * @param points every point of the sweep; when none is marked {@code front}, the front is
   *     computed from the means ({@link ParetoPoint#markFront})
   * @param recommendation a sentence naming the recommended point and why, or null
   */
  public static ReportSection of(String id, String title, String costLabel, String metricLabel,
      List<ParetoPoint> points, String recommendation) {
    List<ParetoPoint> marked = points.stream().anyMatch(ParetoPoint::front) ? points : ParetoPoint.markFront(points);
    List<List<Object>> rows = new ArrayList<>();
    for (ParetoPoint p : marked) {
      rows.add(List.of(p.label(), fmt(p.cost()), interval(p.costLow(), p.costHigh()), fmt(p.metric()),
          interval(p.metricLow(), p.metricHigh()), p.front() ? "yes" : "", p.recommended() ? "recommended" : ""));
    }
    return ReportSection.builder(id, title)
        .intro("Each point is the mean over its replications; whiskers are confidence intervals. Lower and to the left is better.")
        .add(new ReportBlock.Pareto(id + "-chart", null, costLabel, metricLabel, marked, recommendation))
        .add(new ReportBlock.Table(id + "-points", "Points",
            List.of("point", costLabel, "interval", metricLabel, "interval", "Pareto front", ""), rows))
        .build();
  }

  private static String interval(Double low, Double high) {
    return low == null || high == null ? "–" : "[" + fmt(low) + ", " + fmt(high) + "]";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4g", v);
  }
}
