package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyModelTest {
  private static final int N = 20_000;

  private static long[] draw(LatencyModel m, long seed, int n) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      out[i] = m.sampleMillis(r);
    }
    return out;
  }

  private static double quantile(long[] xs, double p) {
    long[] s = xs.clone();
    Arrays.sort(s);
    return s[(int) Math.ceil(p * s.length) - 1];
  }

  @Test
  void fixedAndUniform() {
    assertThat(new FixedLatency(1234).sampleMillis(new SplittableRandom(1))).isEqualTo(1234);
    assertThat(FixedLatency.seconds(3).millis()).isEqualTo(3000);
    long[] u = draw(new UniformLatency(10, 20), 7, N);
    assertThat(Arrays.stream(u).min().getAsLong()).isEqualTo(10);
    assertThat(Arrays.stream(u).max().getAsLong()).isEqualTo(20);
    assertThat(Arrays.stream(u).average().getAsDouble()).isCloseTo(15.0, within(0.1));
    assertThatThrownBy(() -> new FixedLatency(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void medianAndP90DetermineTheParameters() {
    LogNormalLatency m = LogNormalLatency.fromMedianAndP90(53_000, 67_000);
    assertThat(m.mu()).isCloseTo(Math.log(53_000), within(1e-12));
    assertThat(m.sigma()).isCloseTo(Math.log(67.0 / 53.0) / 1.2815515655446004, within(1e-9));
    assertThat(m.medianMillis()).isCloseTo(53_000, within(1e-6));
    assertThat(m.quantileMillis(0.9)).isCloseTo(67_000, within(1e-6));
    assertThat(m.quantileMillis(0.99)).isBetween(80_000.0, 82_000.0); // benchmark P99 was 79 s
  }

  @Test
  void maximumLikelihoodFitRecoversParametersFrom20kSamples() {
    LogNormalLatency truth = new LogNormalLatency(Math.log(53_000), 0.18);
    long[] xs = draw(truth, 42, N);
    double[] d = Arrays.stream(xs).asDoubleStream().toArray();
    LogNormalLatency fit = LogNormalLatency.fit(d);
    // Standard errors: sigma/sqrt(n) = 0.0013 for mu, sigma/sqrt(2n) = 0.0009 for sigma; allow ~4 s.e.
    assertThat(fit.mu()).isCloseTo(truth.mu(), within(0.005));
    assertThat(fit.sigma()).isCloseTo(truth.sigma(), within(0.004));
    // Empirical quantiles match the model's.
    assertThat(quantile(xs, 0.5)).isCloseTo(truth.medianMillis(), within(300.0));
    assertThat(quantile(xs, 0.9)).isCloseTo(truth.quantileMillis(0.9), within(600.0));
  }

  @Test
  void fitIsTheClosedFormMle() {
    LogNormalLatency f = LogNormalLatency.fit(new double[] {1, Math.E * Math.E});
    assertThat(f.mu()).isCloseTo(1.0, within(1e-12));
    assertThat(f.sigma()).isCloseTo(1.0, within(1e-12)); // divisor n, not n-1
    assertThatThrownBy(() -> LogNormalLatency.fit(new double[] {1, 0}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
  }

  @Test
  void tailMixtureHitsTheTailWithItsProbability() {
    LatencyModel base = new FixedLatency(50_000);
    TailMixtureLatency m = new TailMixtureLatency(base, 0.05, 120_000, 900_000);
    long[] xs = draw(m, 3, N);
    long tail = Arrays.stream(xs).filter(x -> x >= 120_000).count();
    // Binomial(20000, 0.05): s.d. 30.8; allow 4 s.d.
    assertThat(tail).isBetween(1000L - 124, 1000L + 124);
    assertThat(Arrays.stream(xs).filter(x -> x != 50_000 && (x < 120_000 || x > 900_000)).count()).isZero();
    double tailMean = Arrays.stream(xs).filter(x -> x >= 120_000).average().orElseThrow();
    assertThat(tailMean).isCloseTo(510_000, within(20_000.0));
  }

  @Test
  void defaultVmssBootHasTheBenchmarkBodyAndAOnePercentTail() {
    long[] xs = draw(DefaultLatencies.vmssNodeBoot(), 11, N);
    long tail = Arrays.stream(xs).filter(x -> x >= DefaultLatencies.VMSS_BOOT_TAIL_MIN_MS).count();
    // The body reaches 120 s with probability ~1e-5, so the count is the tail's: Binomial(20000, 0.01), s.d. 14.
    assertThat(tail).isBetween(200L - 56, 200L + 56);
    assertThat(Arrays.stream(xs).max().getAsLong()).isLessThanOrEqualTo(15 * 60_000L);
    assertThat(quantile(xs, 0.5)).isCloseTo(53_120, within(700.0));
    // P90 of the mixture is the body's 0.9/0.99 quantile, 67.66 s; its median the 0.5/0.99 one, 53.12 s.
    assertThat(quantile(xs, 0.9)).isCloseTo(67_660, within(1000.0));
  }

  @Test
  void sameSeedSameDraws() {
    LatencyModel m = DefaultLatencies.vmssNodeBoot();
    assertThat(draw(m, 99, 1000)).isEqualTo(draw(m, 99, 1000));
    assertThat(draw(m, 99, 1000)).isNotEqualTo(draw(m, 100, 1000));
  }

  @Test
  void aciBaseStartMatchesTheMaintainerFigure() {
    LogNormalLatency m = DefaultLatencies.ACI_BASE_START;
    assertThat(m.medianMillis()).isCloseTo(25_000, within(1e-6));
    assertThat(m.quantileMillis(0.9)).isCloseTo(45_000, within(1e-6));
    // 58.4 s per GB from the 2021 two-point data.
    assertThat(1e9 / DefaultLatencies.ACI_PULL_BYTES_PER_SECOND).isCloseTo(58.41, within(0.01));
  }
}
