package io.hns.simulator.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The points no other point beats on every metric at once (lower is better for all): the cost
 * versus SLO trade-off. Compared on means; a point with no value for a metric is left out. Sorted by
 * the first metric (the objective), then by id.
 */
public final class ParetoFront {
  private ParetoFront() {}

  public static List<PointStats> of(List<PointStats> points, List<Metric> metrics) {
    List<PointStats> candidates = points.stream()
        .filter(p -> metrics.stream().noneMatch(m -> Double.isNaN(p.mean(m))))
        .toList();
    List<PointStats> front = new ArrayList<>();
    for (PointStats p : candidates) {
      boolean dominated = false;
      for (PointStats q : candidates) {
        if (q != p && dominates(q, p, metrics)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        front.add(p);
      }
    }
    front.sort(Comparator.<PointStats>comparingDouble(p -> p.mean(metrics.get(0))).thenComparingInt(p -> p.point().id()));
    return front;
  }

  /** {@code q} is at least as good on every metric and strictly better on one. */
  static boolean dominates(PointStats q, PointStats p, List<Metric> metrics) {
    boolean better = false;
    for (Metric m : metrics) {
      if (q.mean(m) > p.mean(m)) {
        return false;
      }
      better |= q.mean(m) < p.mean(m);
    }
    return better;
  }
}
