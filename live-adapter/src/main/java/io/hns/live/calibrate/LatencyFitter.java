package io.hns.live.calibrate;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Maximum-likelihood fits of latency samples (seconds, all positive) to a log-normal and a gamma
 * distribution, each with its Kolmogorov-Smirnov distance. Both families have two parameters, so
 * the higher likelihood is also the lower AIC: that one is {@link Result#best()}.
 */
public final class LatencyFitter {
  /** Fewer samples than this give no fit: a KS test on a handful of points says nothing. */
  public static final int MIN_SAMPLES = 5;

  /** Both fits and the better one. */
  public record Result(int n, Fit logNormal, Fit gamma) {
    public Fit best() {
      return logNormal.logLikelihood() >= gamma.logLikelihood() ? logNormal : gamma;
    }
  }

  private LatencyFitter() {}

  public static Result fit(List<Double> samples) {
    if (samples.size() < MIN_SAMPLES) {
      throw new IllegalArgumentException("need at least " + MIN_SAMPLES + " samples, have " + samples.size());
    }
    double[] x = samples.stream().mapToDouble(Double::doubleValue).toArray();
    for (double v : x) {
      if (!(v > 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException("latencies must be positive and finite, found " + v);
      }
    }
    return new Result(x.length, logNormal(x), gamma(x));
  }

  /** Closed form: mu and sigma are the mean and (biased, MLE) standard deviation of ln x. */
  static Fit logNormal(double[] x) {
    double mu = 0;
    for (double v : x) mu += Math.log(v);
    mu /= x.length;
    double var = 0;
    for (double v : x) var += (Math.log(v) - mu) * (Math.log(v) - mu);
    double sigma = Math.sqrt(var / x.length);
    if (sigma == 0) {
      throw new IllegalArgumentException("all samples are equal; no distribution to fit");
    }
    LogNormalDistribution d = new LogNormalDistribution(null, mu, sigma, LogNormalDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    return finish("log-normal", String.format(java.util.Locale.ROOT, "mu=%.4f, sigma=%.4f", mu, sigma), d, x);
  }

  /**
   * The shape solves {@code ln k - digamma(k) = ln(mean) - mean(ln x)}: Minka's closed-form start,
   * then Newton's method (converges in a few steps); the scale is then mean / k.
   */
  static Fit gamma(double[] x) {
    double mean = 0;
    double meanLog = 0;
    for (double v : x) {
      mean += v;
      meanLog += Math.log(v);
    }
    mean /= x.length;
    meanLog /= x.length;
    double s = Math.log(mean) - meanLog;
    if (!(s > 0)) {
      throw new IllegalArgumentException("all samples are equal; no distribution to fit");
    }
    double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
    for (int i = 0; i < 100; i++) {
      double f = Math.log(k) - Gamma.digamma(k) - s;
      double df = 1 / k - Gamma.trigamma(k);
      double next = k - f / df;
      if (next <= 0) next = k / 2;
      if (Math.abs(next - k) < 1e-12 * k) {
        k = next;
        break;
      }
      k = next;
    }
    double scale = mean / k;
    GammaDistribution d = new GammaDistribution(null, k, scale, GammaDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY);
    return finish("gamma", String.format(java.util.Locale.ROOT, "shape=%.4f, scale=%.4f s", k, scale), d, x);
  }

  private static Fit finish(String family, String params, RealDistribution d, double[] x) {
    double ll = 0;
    for (double v : x) {
      ll += ((org.apache.commons.math3.distribution.AbstractRealDistribution) d).logDensity(v);
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    return new Fit(family, params, d, ll, ks.kolmogorovSmirnovStatistic(d, x), ks.kolmogorovSmirnovTest(d, x));
  }
}
