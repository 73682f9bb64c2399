package io.hns.traces;

import static io.hns.traces.Inputs.points;
import static io.hns.traces.Inputs.times;
import static io.hns.traces.Inputs.trace;
import static io.hns.traces.Inputs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransformsTest {
  private static final long MIN = 60_000;
  private static final double GAP = Double.NaN;

  @Test
  void resamplingCountsSumsThem() {
    Trace t = trace(ValueKind.COUNT, 0, MIN, 1, 2, 3, 4, 5, 6, 7).resample(5 * MIN);
    assertThat(t.info().resolutionMs()).isEqualTo(5 * MIN);
    assertThat(points(t)).containsExactly(new TracePoint(0, 15), new TracePoint(5 * MIN, 13));
    assertThat(t.steps()).containsExactly("resample 5m");
  }

  @Test
  void resamplingRatesAveragesThemOverTheTimeCovered() {
    Trace t = trace(ValueKind.RATE, 0, MIN, 10, 20, 30, 40, 50, 60).resample(3 * MIN);
    assertThat(values(t)).containsExactly(20.0, 50.0);
    // Intervals are aligned to the epoch, whatever the first point.
    assertThat(points(trace(ValueKind.RATE, 2 * MIN, MIN, 10, 20).resample(3 * MIN)))
        .containsExactly(new TracePoint(0, 10), new TracePoint(3 * MIN, 20));
  }

  @Test
  void upsamplingSplitsCountsAndRepeatsRates() {
    assertThat(values(trace(ValueKind.COUNT, 0, MIN, 60, 120).resample(20_000)))
        .containsExactly(20.0, 20.0, 20.0, 40.0, 40.0, 40.0);
    assertThat(values(trace(ValueKind.RATE, 0, MIN, 1, 2).resample(30_000))).containsExactly(1.0, 1.0, 2.0, 2.0);
    // Rates are unchanged by a round trip through a finer resolution; counts add up.
    Trace counts = trace(ValueKind.COUNT, 0, MIN, 7, 0, 5);
    assertThat(values(counts.resample(1000).resample(MIN)))
        .usingElementComparator(TransformsTest::approx).containsExactly(7.0, 0.0, 5.0);
  }

  private static int approx(double a, double b) {
    return Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b);
  }

  @Test
  void resamplingKeepsGapsAsGaps() {
    Trace t = trace(ValueKind.COUNT, 0, MIN, 1, 1, GAP, GAP, GAP, GAP, 1, 1).resample(2 * MIN);
    assertThat(times(t)).containsExactly(0L, 6 * MIN);
    assertThatThrownBy(() -> RateSeries.of(t)).hasMessageContaining("no points from 1970-01-01T00:02:00Z to 1970-01-01T00:06:00Z (2 missing intervals of 2m)");
  }

  @Test
  void gapPolicies() {
    Trace gappy = trace(ValueKind.RATE, 0, MIN, 10, GAP, GAP, GAP, 50, 60);
    assertThat(values(gappy.gaps(GapPolicy.ZERO))).containsExactly(10.0, 0.0, 0.0, 0.0, 50.0, 60.0);
    assertThat(values(gappy.gaps(GapPolicy.HOLD))).containsExactly(10.0, 10.0, 10.0, 10.0, 50.0, 60.0);
    assertThat(values(gappy.gaps(GapPolicy.INTERPOLATE))).containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
    assertThat(times(gappy.gaps(GapPolicy.ZERO))).containsExactly(0L, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN);
    assertThatThrownBy(() -> points(gappy.gaps(GapPolicy.ERROR)))
        .isInstanceOf(TraceException.class)
        .hasMessage("mem: gap in the trace: no points from 1970-01-01T00:01:00Z to 1970-01-01T00:04:00Z"
            + " (3 missing intervals of 1m); choose a gap policy (--gaps zero, hold or interpolate)");
    // No gap, nothing to do.
    assertThat(values(trace(ValueKind.RATE, 0, MIN, 1, 2).gaps(GapPolicy.ERROR))).containsExactly(1.0, 2.0);
    assertThat(GapPolicy.named("Hold")).isEqualTo(GapPolicy.HOLD);
    assertThatThrownBy(() -> GapPolicy.named("skip")).hasMessage("unknown gap policy \"skip\" (known: zero, hold, interpolate, error)");
  }

  // Steps shorter than 1.5 resolutions are irregular, not gaps.
  @Test
  void jitterIsNotAGap() {
    Trace t = Trace.of(new TraceInfo("j", "j", "test", ValueKind.RATE, "requests", 1000),
        List.of(new TracePoint(0, 1), new TracePoint(1400, 2), new TracePoint(3900, 3)));
    assertThat(values(t.gaps(GapPolicy.ZERO))).containsExactly(1.0, 2.0, 0.0, 3.0);
    GapCounter c = new GapCounter(1000, 5);
    points(t).forEach(c);
    assertThat(c.count()).isEqualTo(1);
    assertThat(c.irregularSteps()).isEqualTo(1);
  }

  @Test
  void timeWindowsAbsoluteAndRelative() {
    Trace t = trace(ValueKind.RATE, 10 * MIN, MIN, 0, 1, 2, 3, 4, 5);
    assertThat(values(t.window(TimeBound.at(12 * MIN), TimeBound.at(14 * MIN)))).containsExactly(2.0, 3.0);
    assertThat(values(t.window(TimeBound.afterStart(4 * MIN), null))).containsExactly(4.0, 5.0);
    assertThat(values(t.window(null, TimeBound.parse("2m")))).containsExactly(0.0, 1.0);
    assertThat(values(t.window(TimeBound.parse("1970-01-01 00:15"), null))).containsExactly(5.0);
    assertThatThrownBy(() -> TimeBound.parse("15")).hasMessageContaining("is neither a date-time");
  }

  @Test
  void timeShifts() {
    Trace t = trace(ValueKind.RATE, 1_700_000_000_000L, MIN, 1, 2);
    assertThat(times(t.startAt(0))).containsExactly(0L, MIN);
    assertThat(times(t.startAt(0).shiftBy(-MIN))).containsExactly(-MIN, 0L);
    assertThat(times(t.shiftBy(MIN))).containsExactly(1_700_000_060_000L, 1_700_000_120_000L);
    assertThat(t.startAt(0).steps()).containsExactly("start at 0");
  }

  // Scaling to a target measures it in a first pass (the file is read twice).
  @Test
  void scalingToAPeakOrAMean() {
    Inputs.Counted in = Inputs.text("r.csv", "time,count\n0,60\n60,120\n120,30\n");
    Trace t = Trace.read(TraceFormat.RATE_CSV, in, ReaderOptions.DEFAULTS);
    int opened = in.opens.get();
    // Counts per minute: the peak rate is 2/s; scaled to a peak of 10/s, the values are x5.
    assertThat(values(t.scaleToPeak(10))).containsExactly(300.0, 600.0, 150.0);
    assertThat(in.opens.get() - opened).isEqualTo(2);
    assertThat(RateSeries.of(t.scaleToMean(3.5)).meanRate()).isCloseTo(3.5, within(1e-9));
    assertThat(values(t.scaleBy(0.5))).containsExactly(30.0, 60.0, 15.0);
    assertThatThrownBy(() -> points(trace(ValueKind.RATE, 0, MIN, 0, 0).scaleToPeak(5)))
        .hasMessage("mem: cannot scale to a peak of 5.0 requests/s: the trace's peak is 0");
  }

  @Test
  void loopingRepeatsAndCuts() {
    Inputs.Counted in = Inputs.text("r.csv", "time,rps\n0,1\n60,2\n120,3\n");
    Trace t = Trace.read(TraceFormat.RATE_CSV, in, ReaderOptions.DEFAULTS);
    int opened = in.opens.get();
    Trace looped = t.loop(8 * MIN);
    assertThat(values(looped)).containsExactly(1.0, 2.0, 3.0, 1.0, 2.0, 3.0, 1.0, 2.0);
    assertThat(in.opens.get() - opened).isEqualTo(3);
    assertThat(times(looped)).containsExactly(0L, MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN, 6 * MIN, 7 * MIN);
    assertThat(values(t.loop(2 * MIN))).containsExactly(1.0, 2.0);
    RateSeries s = RateSeries.of(looped);
    assertThat(s.endMs()).isEqualTo(8 * MIN);
    assertThat(s.rateAt(7 * MIN + 59_999)).isEqualTo(2.0);
  }

  @Test
  void aPipelineComposes() {
    List<TracePoint> seen = new ArrayList<>();
    Trace t = trace(ValueKind.COUNT, 1_000_000 * MIN, MIN, 60, GAP, 180, 240, 300, 360)
        .window(TimeBound.afterStart(0), TimeBound.afterStart(4 * MIN))
        .peek(seen::add)
        .gaps(GapPolicy.INTERPOLATE)
        .resample(2 * MIN)
        .scaleToPeak(5)
        .startAt(0)
        .loop(8 * MIN)
        .toRate();
    assertThat(t.steps()).containsExactly("window +0s to +4m", "peek", "gaps interpolate", "resample 2m",
        "scale to peak 5.0/s", "start at 0", "loop to 8m", "to rate");
    assertThat(t.info().kind()).isEqualTo(ValueKind.RATE);
    // 60, (120), 180, 240 per minute -> 180, 420 per 2 min -> 1.5/s, 3.5/s -> scaled x 5/3.5.
    assertThat(points(t)).containsExactly(new TracePoint(0, 1.5 * 5 / 3.5), new TracePoint(2 * MIN, 5),
        new TracePoint(4 * MIN, 1.5 * 5 / 3.5), new TracePoint(6 * MIN, 5));
    assertThat(seen).isNotEmpty();
  }
}
