package io.hns.simulator.plan;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A metric over a point's replications: {@code n} values (NaN ones left out), their mean, sample
 * standard deviation and the half-width of the two-sided Student-t confidence interval of the mean,
 * {@code t(1 - (1 - confidence)/2, n - 1) * sd / sqrt(n)}. Replications are independent (each has
 * its own random streams), so the t interval is the textbook one; with fewer than 2 values there
 * is no interval (NaN).
 */
public record Estimate(int n, double mean, double sd, double halfWidth) {
  public static final Estimate EMPTY = new Estimate(0, Double.NaN, Double.NaN, Double.NaN);

  public static Estimate of(double[] values, double confidence) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    double mean = sum / n;
    if (n == 1) {
      return new Estimate(1, mean, Double.NaN, Double.NaN);
    }
    // Two passes (mean first) rather than a running sum of squares: exact for constant samples.
    double ss = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        ss += (v - mean) * (v - mean);
      }
    }
    double sd = Math.sqrt(ss / (n - 1));
    return new Estimate(n, mean, sd, tQuantile(confidence, n - 1) * sd / Math.sqrt(n));
  }

  /** The two-sided critical value of Student's t with {@code df} degrees of freedom. */
  public static double tQuantile(double confidence, int df) {
    return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
  }

  public double ciLow() {
    return mean - halfWidth;
  }

  public double ciHigh() {
    return mean + halfWidth;
  }

  public double standardError() {
    return n < 2 ? Double.NaN : sd / Math.sqrt(n);
  }

  /**
   * The one-sided confidence that the true mean is at most {@code limit}: the t distribution's CDF
   * at {@code (limit - mean) / standard error}. 1 or 0 when every value was the same.
   */
  public double confidenceAtMost(double limit) {
    if (n < 2) {
      return Double.NaN;
    }
    if (sd == 0) {
      return mean <= limit ? 1 : 0;
    }
    return new TDistribution(null, n - 1).cumulativeProbability((limit - mean) / standardError());
  }
}
