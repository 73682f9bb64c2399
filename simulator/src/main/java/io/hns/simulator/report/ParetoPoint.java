package io.hns.simulator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One point of a sweep for the Pareto chart: its mean cost and mean metric (lower is better for
 * both), each with an optional confidence interval (null bounds: no whisker).
 *
 * @param label the point's name, e.g. "burst, maxCount=10"
 * @param front on the Pareto front (no other point is at most as costly and at most as bad, and
 *     better in one)
 * @param recommended the point the sweep recommends
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParetoPoint(String label, double cost, Double costLow, Double costHigh, double metric,
    Double metricLow, Double metricHigh, boolean front, boolean recommended) {

  /** A point without confidence intervals, not yet marked. */
  public static ParetoPoint of(String label, double cost, double metric) {
    return new ParetoPoint(label, cost, null, null, metric, null, null, false, false);
  }

  /** A point with 95% (or other) confidence intervals, not yet marked. */
  public static ParetoPoint withIntervals(String label, double cost, double costLow, double costHigh, double metric,
      double metricLow, double metricHigh) {
    return new ParetoPoint(label, cost, costLow, costHigh, metric, metricLow, metricHigh, false, false);
  }

  public ParetoPoint asFront(boolean onFront) {
    return new ParetoPoint(label, cost, costLow, costHigh, metric, metricLow, metricHigh, onFront, recommended);
  }

  public ParetoPoint asRecommended(boolean isRecommended) {
    return new ParetoPoint(label, cost, costLow, costHigh, metric, metricLow, metricHigh, front, isRecommended);
  }

  /**
   * The same points, in the same order, with {@code front} set on the non-dominated ones (both
   * cost and metric minimised, on their means). For callers that have no pareto.csv of their own.
   */
  public static List<ParetoPoint> markFront(List<ParetoPoint> points) {
    List<ParetoPoint> out = new ArrayList<>(points.size());
    for (ParetoPoint p : points) {
      boolean dominated = false;
      for (ParetoPoint q : points) {
        if (q != p && q.cost <= p.cost && q.metric <= p.metric && (q.cost < p.cost || q.metric < p.metric)) {
          dominated = true;
          break;
        }
      }
      out.add(p.asFront(!dominated));
    }
    return out;
  }

  /**
   * The cheapest point whose metric (its upper confidence bound when it has one) meets {@code slo},
   * or null when none does.
   */
  public static ParetoPoint cheapestMeeting(List<ParetoPoint> points, double slo) {
    return points.stream()
        .filter(p -> (p.metricHigh != null ? p.metricHigh : p.metric) <= slo)
        .min(Comparator.comparingDouble(ParetoPoint::cost))
        .orElse(null);
  }
}
