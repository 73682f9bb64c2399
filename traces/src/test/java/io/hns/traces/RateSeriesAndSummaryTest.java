package io.hns.traces;

import static io.hns.traces.Inputs.trace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RateSeriesAndSummaryTest {
  private static final long MIN = 60_000;

  @Test
  void aStepFunctionOfRatesPerSecond() {
    RateSeries s = RateSeries.of(trace(ValueKind.COUNT, MIN, MIN, 60, 120, 0, 30));
    assertThat(s.size()).isEqualTo(4);
    assertThat(s.startMs()).isEqualTo(MIN);
    assertThat(s.endMs()).isEqualTo(5 * MIN);
    assertThat(s.rateAt(0)).isZero();
    assertThat(s.rateAt(MIN)).isEqualTo(1.0);
    assertThat(s.rateAt(2 * MIN - 1)).isEqualTo(1.0);
    assertThat(s.rateAt(2 * MIN)).isEqualTo(2.0);
    assertThat(s.rateAt(3 * MIN + 30_000)).isZero();
    assertThat(s.rateAt(5 * MIN - 1)).isEqualTo(0.5);
    assertThat(s.rateAt(5 * MIN)).isZero();
    assertThat(s.peakRate()).isEqualTo(2.0);
    assertThat(s.meanRate()).isCloseTo(3.5 / 4, within(1e-12));
  }

  // Between irregular points the rate holds until the next point.
  @Test
  void irregularPointsHoldTheirRate() {
    RateSeries s = RateSeries.of(new long[] {0, 1500, 4000}, new double[] {1, 2, 3}, 5000, 1000);
    assertThat(s.rateAt(1200)).isEqualTo(1.0);
    assertThat(s.rateAt(3999)).isEqualTo(2.0);
    assertThat(s.rateAt(4999)).isEqualTo(3.0);
    assertThatThrownBy(() -> RateSeries.of(new long[] {0, 0}, new double[] {1, 2}, 10, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void summaryStatistics() {
    TraceSummary s = TraceSummary.of(trace(ValueKind.COUNT, 0, MIN, 0, 60, 120, 60, 600, Double.NaN, 60), 5);
    assertThat(s.points()).isEqualTo(6);
    assertThat(s.durationMs()).isEqualTo(7 * MIN);
    assertThat(s.values().min()).isZero();
    assertThat(s.values().median()).isEqualTo(60.0);
    assertThat(s.values().max()).isEqualTo(600.0);
    assertThat(s.values().mean()).isEqualTo(150.0);
    // numpy.percentile([0, 60, 60, 60, 120, 600], 95) == 480
    assertThat(s.values().p95()).isCloseTo(480.0, within(1e-9));
    assertThat(s.rates().max()).isEqualTo(10.0);
    assertThat(s.peakToMedian()).hasValue(10.0);
    assertThat(s.gaps().count()).isEqualTo(1);
    assertThat(s.gaps().first().get(0).describe())
        .isEqualTo("no points from 1970-01-01T00:05:00Z to 1970-01-01T00:06:00Z (1 missing interval of 1m)");
  }

  @Test
  void peakToMedianIsUndefinedWhenTheMedianIsZero() {
    TraceSummary s = TraceSummary.of(trace(ValueKind.RATE, 0, 1000, 0, 0, 0, 5), 5);
    assertThat(s.values().median()).isZero();
    assertThat(s.peakToMedian()).isEmpty();
  }
}
