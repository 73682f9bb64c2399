package io.hns.simulator.plan;

/**
 * Early stop of a point (the sweep's {@code stopWhen}): once the point has at least {@code
 * minReplications} runs, stop when the confidence interval of {@code metric} is narrow enough,
 * either relative to the mean ({@code relativeHalfWidth}) or absolutely ({@code halfWidth}).
 * Checked after {@code minReplications} and then every {@code checkEvery} runs, over the runs in
 * replication order, so that where a point stops does not depend on which run finished first.
 */
public record StopRule(Metric metric, Double relativeHalfWidth, Double halfWidth, int minReplications, int checkEvery) {
  public boolean metBy(Estimate e) {
    if (e.n() < minReplications || e.n() < 2 || Double.isNaN(e.halfWidth())) {
      return false;
    }
    if (halfWidth != null) {
      return e.halfWidth() <= halfWidth;
    }
    // A metric that came out the same in every run has a zero-width interval, whatever its mean.
    if (e.halfWidth() == 0) {
      return true;
    }
    return e.mean() != 0 && e.halfWidth() / Math.abs(e.mean()) <= relativeHalfWidth;
  }
}
