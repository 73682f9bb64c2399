package io.hns.simulator.cloud;

import java.util.random.RandomGenerator;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A log-normal delay: {@code ln(millis)} is normal with mean {@code mu} and standard deviation
 * {@code sigma}. Sampling is by inversion: one uniform draw {@code u} from the run's generator, then
 * {@code exp(mu + sigma * Phi^-1(u))} with commons-math3's exact normal inverse CDF, rounded to whole
 * milliseconds. One draw per sample keeps streams aligned across configurations.
 */
public final class LogNormalLatency implements LatencyModel {
  /** The standard normal; its generator is never used (we pass our own uniforms). */
  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  /** Phi^-1(0.9). */
  public static final double Z90 = STANDARD_NORMAL.inverseCumulativeProbability(0.9);

  private final double mu;
  private final double sigma;

  public LogNormalLatency(double mu, double sigma) {
    if (!Double.isFinite(mu) || !(sigma >= 0) || !Double.isFinite(sigma)) {
      throw new IllegalArgumentException("need finite mu and sigma >= 0, got mu=" + mu + " sigma=" + sigma);
    }
    this.mu = mu;
    this.sigma = sigma;
  }

  /** The log-normal whose median and 90th percentile are these (milliseconds, p90 >= median > 0). */
  public static LogNormalLatency fromMedianAndP90(double medianMillis, double p90Millis) {
    return fromQuantiles(0.5, medianMillis, 0.9, p90Millis);
  }

  /** The log-normal through two quantiles {@code (p1, q1)} and {@code (p2, q2)}, p1 < p2, q1 <= q2. */
  public static LogNormalLatency fromQuantiles(double p1, double q1, double p2, double q2) {
    if (!(0 < p1 && p1 < p2 && p2 < 1) || !(0 < q1 && q1 <= q2)) {
      throw new IllegalArgumentException(
          "need 0 < p1 < p2 < 1 and 0 < q1 <= q2, got (" + p1 + ", " + q1 + "), (" + p2 + ", " + q2 + ")");
    }
    double z1 = STANDARD_NORMAL.inverseCumulativeProbability(p1);
    double z2 = STANDARD_NORMAL.inverseCumulativeProbability(p2);
    double sigma = (Math.log(q2) - Math.log(q1)) / (z2 - z1);
    double mu = Math.log(q1) - sigma * z1;
    return new LogNormalLatency(mu, sigma);
  }

  /**
   * Maximum-likelihood fit: {@code mu} is the mean of {@code ln x}, {@code sigma} the root of the
   * mean squared deviation (divisor n, the MLE, not n-1). Every sample must be positive.
   */
  public static LogNormalLatency fit(double[] samplesMillis) {
    if (samplesMillis == null || samplesMillis.length < 2) {
      throw new IllegalArgumentException("need at least 2 samples to fit a log-normal");
    }
    double sum = 0;
    for (double x : samplesMillis) {
      if (!(x > 0) || !Double.isFinite(x)) {
        throw new IllegalArgumentException("log-normal samples must be positive and finite, got " + x);
      }
      sum += Math.log(x);
    }
    double mean = sum / samplesMillis.length;
    double ss = 0;
    for (double x : samplesMillis) {
      double d = Math.log(x) - mean;
      ss += d * d;
    }
    return new LogNormalLatency(mean, Math.sqrt(ss / samplesMillis.length));
  }

  public double mu() {
    return mu;
  }

  public double sigma() {
    return sigma;
  }

  public double medianMillis() {
    return Math.exp(mu);
  }

  public double meanMillis() {
    return Math.exp(mu + sigma * sigma / 2);
  }

  /** The {@code p}-quantile in milliseconds (unrounded). */
  public double quantileMillis(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("p must be in (0, 1): " + p);
    }
    return Math.exp(mu + sigma * STANDARD_NORMAL.inverseCumulativeProbability(p));
  }

  @Override
  public long sampleMillis(RandomGenerator random) {
    double u = random.nextDouble();
    if (u <= 0) {
      u = Double.MIN_NORMAL; // nextDouble() is in [0, 1); Phi^-1(0) is -infinity
    }
    double z = STANDARD_NORMAL.inverseCumulativeProbability(u);
    return Math.round(Math.exp(mu + sigma * z));
  }

  @Override
  public String toString() {
    return String.format("LogNormal(mu=%.6f, sigma=%.6f; median %.0f ms, p90 %.0f ms)",
        mu, sigma, medianMillis(), quantileMillis(0.9));
  }
}
