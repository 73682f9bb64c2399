package io.hns.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The confidence interval: the Student-t formula, and its behaviour on a model of known variance. */
class EstimateTest {
  @Test
  void halfWidthIsTTimesSdOverRootN() {
    Estimate e = Estimate.of(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertThat(e.n()).isEqualTo(5);
    assertThat(e.mean()).isEqualTo(3.0);
    assertThat(e.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
    // t(0.975, 4) = 2.7764451 (tables).
    assertThat(Estimate.tQuantile(0.95, 4)).isCloseTo(2.7764451, within(1e-6));
    assertThat(e.halfWidth()).isCloseTo(2.7764451 * Math.sqrt(2.5) / Math.sqrt(5), within(1e-6));
    assertThat(e.ciLow()).isCloseTo(3 - 1.963243, within(1e-5));
    assertThat(e.ciHigh()).isCloseTo(3 + 1.963243, within(1e-5));
  }

  @Test
  void otherConfidenceLevels() {
    // t(0.95, 9) = 1.8331129 for a 90 % interval.
    Estimate e = Estimate.of(new double[] {0, 0, 0, 0, 0, 2, 2, 2, 2, 2}, 0.90);
    assertThat(e.halfWidth()).isCloseTo(1.8331129 * e.sd() / Math.sqrt(10), within(1e-6));
  }

  @Test
  void knownVarianceModelGivesTheExpectedIntervalAndCoverage() {
    // N(10, 2^2), n = 10: E[half-width] = t(0.975, 9) * c4(10) * sigma / sqrt(n), with
    // c4(10) = 0.9726593 the bias of the sample standard deviation; 95 % of intervals hold the mean.
    NormalDistribution model = new NormalDistribution(new Well19937c(42), 10, 2);
    int trials = 4000;
    int n = 10;
    int covered = 0;
    double sumHalfWidth = 0;
    for (int t = 0; t < trials; t++) {
      Estimate e = Estimate.of(model.sample(n), 0.95);
      sumHalfWidth += e.halfWidth();
      if (e.ciLow() <= 10 && 10 <= e.ciHigh()) {
        covered++;
      }
    }
    double expectedHalfWidth = 2.2621572 * 0.9726593 * 2 / Math.sqrt(n);
    assertThat(sumHalfWidth / trials).isCloseTo(expectedHalfWidth, within(0.02 * expectedHalfWidth));
    // Binomial(4000, 0.95) has sd 0.0034: 0.94 to 0.96 is about 3 sd either way.
    assertThat(covered / (double) trials).isBetween(0.94, 0.96);
  }

  @Test
  void theAggregatorGivesTheSameIntervalFromRuns() {
    Sweep sweep = SweepLoader.parse("s.yaml", "base: b.yaml\nconfidence: 0.95\n");
    SplittableRandom random = new SplittableRandom(3);
    List<RunRecord> runs = new ArrayList<>();
    double[] costs = new double[12];
    for (int r = 0; r < costs.length; r++) {
      costs[r] = 5 + random.nextGaussian();
      double[] m = new double[Metric.values().length];
      m[Metric.COST_USD.ordinal()] = costs[r];
      runs.add(new RunRecord(1, r, 1, m));
    }
    java.util.Collections.reverse(runs); // arrival order does not matter
    PointStats p = SweepAnalysis.of(sweep, runs).points().get(0);
    assertThat(p.runs()).isEqualTo(12);
    assertThat(p.estimate(Metric.COST_USD)).isEqualTo(Estimate.of(costs, 0.95));
  }

  @Test
  void edgeCases() {
    assertThat(Estimate.of(new double[] {}, 0.95)).isEqualTo(Estimate.EMPTY);
    Estimate one = Estimate.of(new double[] {4}, 0.95);
    assertThat(one.mean()).isEqualTo(4.0);
    assertThat(one.halfWidth()).isNaN();
    Estimate constant = Estimate.of(new double[] {2, 2, 2}, 0.95);
    assertThat(constant.halfWidth()).isZero();
    assertThat(constant.confidenceAtMost(2)).isEqualTo(1.0);
    assertThat(constant.confidenceAtMost(1.9)).isEqualTo(0.0);
    Estimate withGaps = Estimate.of(new double[] {1, Double.NaN, 3}, 0.95);
    assertThat(withGaps.n()).isEqualTo(2);
    assertThat(withGaps.mean()).isEqualTo(2.0);
  }

  @Test
  void oneSidedConfidenceThatTheMeanIsBelowALimit() {
    Estimate e = Estimate.of(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertThat(e.confidenceAtMost(3)).isCloseTo(0.5, within(1e-9));
    // The upper end of the two-sided 95 % interval is the one-sided 97.5 % bound.
    assertThat(e.confidenceAtMost(e.ciHigh())).isCloseTo(0.975, within(1e-9));
  }
}
