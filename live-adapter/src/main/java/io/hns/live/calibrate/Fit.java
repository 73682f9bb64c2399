package io.hns.live.calibrate;

import org.apache.commons.math3.distribution.RealDistribution;

/**
 * One fitted distribution with its goodness of fit.
 *
 * @param family {@code log-normal} or {@code gamma}
 * @param parameters "mu=.., sigma=.." or "shape=.., scale=.." (seconds)
 * @param logLikelihood at the maximum
 * @param ksStatistic Kolmogorov-Smirnov distance between the sample and the fitted CDF
 * @param ksPValue its p-value; optimistic, since the parameters came from the same sample
 *     (Lilliefors' caveat), so read it as a screen, not a test
 */
public record Fit(String family, String parameters, RealDistribution distribution, double logLikelihood,
    double ksStatistic, double ksPValue) {

  public double medianSeconds() {
    return distribution.inverseCumulativeProbability(0.5);
  }

  public double p90Seconds() {
    return distribution.inverseCumulativeProbability(0.9);
  }
}
