package io.hns.simulator.plan;

/**
 * One service-level objective of a sweep: the mean of {@code metric} over replications must be at
 * most {@code max}. A point meets it only when the upper end of its confidence interval does, so a
 * recommendation is not a lucky mean.
 */
public record SloTarget(Metric metric, double max) {
  public boolean metBy(Estimate e) {
    return e.n() >= 2 && !Double.isNaN(e.halfWidth()) && e.ciHigh() <= max;
  }

  /**
   * How far a point is from meeting this objective: the excess of its upper bound (its mean when
   * it has no interval) over the limit, relative to the limit (absolute when the limit is 0).
   * Zero or less means met.
   */
  public double shortfall(Estimate e) {
    if (e.n() == 0) {
      return Double.POSITIVE_INFINITY;
    }
    double bound = Double.isNaN(e.halfWidth()) ? e.mean() : e.ciHigh();
    return max == 0 ? bound : (bound - max) / Math.abs(max);
  }

  @Override
  public String toString() {
    return metric.column() + " <= " + PlanNumbers.format(max);
  }
}
