package io.hns.traces;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The shape of a trace ({@code hns trace inspect}): its span, number of points, the distribution of
 * its values, peak-to-median ratio and gaps. One pass; it keeps every value (8 bytes per point) for
 * the percentiles, which are linearly interpolated ({@code R-7}, as numpy's default).
 *
 * @param info the trace's info (after its transforms)
 * @param steps the transforms applied
 * @param points the number of points
 * @param startMs the first point's time
 * @param endMs one resolution after the last point's time
 * @param values statistics of the values in the trace's own unit ({@link TraceInfo#valueUnit()})
 * @param rates the same statistics as rates per second
 * @param peakToMedian max / median, empty when the median is 0 (undefined)
 * @param gaps the gaps
 */
public record TraceSummary(TraceInfo info, List<String> steps, long points, long startMs, long endMs,
    Stats values, Stats rates, OptionalDouble peakToMedian, Gaps gaps) {

  /**
   * Distribution statistics.
   *
   * @param min the smallest value
   * @param median the 50th percentile
   * @param p95 the 95th percentile
   * @param max the largest value
   * @param mean the arithmetic mean over the points
   */
  public record Stats(double min, double median, double p95, double max, double mean) {
    Stats times(double factor) {
      return new Stats(min * factor, median * factor, p95 * factor, max * factor, mean * factor);
    }
  }

  /**
   * Gaps found.
   *
   * @param count how many gaps
   * @param missingIntervals how many intervals are missing in all
   * @param first the first few
   * @param irregularSteps steps that are neither one resolution nor a gap
   */
  public record Gaps(long count, long missingIntervals, List<Gap> first, long irregularSteps) {
    /** The counts of a counter. */
    public static Gaps of(GapCounter c) {
      return new Gaps(c.count(), c.missingIntervals(), c.first(), c.irregularSteps());
    }
  }

  /** Summarises one pass of {@code trace}, listing up to {@code gapsListed} gaps; no points is an error. */
  public static TraceSummary of(Trace trace, int gapsListed) {
    TraceInfo info = trace.info();
    GapCounter gaps = new GapCounter(info.resolutionMs(), gapsListed);
    double[] v = new double[1024];
    int n = 0;
    long first = 0;
    long last = 0;
    double sum = 0;
    try (PointCursor c = trace.open()) {
      while (c.hasNext()) {
        TracePoint p = c.next();
        if (n == v.length) {
          v = Arrays.copyOf(v, n * 2);
        }
        v[n++] = p.value();
        sum += p.value();
        if (n == 1) {
          first = p.timeMs();
        }
        last = p.timeMs();
        gaps.accept(p);
      }
    }
    if (n == 0) {
      throw new TraceException(info.source() + ": the trace has no points"
          + (trace.steps().isEmpty() ? "" : " after " + String.join(", ", trace.steps())));
    }
    double[] values = Arrays.copyOf(v, n);
    Arrays.sort(values);
    Percentile pct = new Percentile().withEstimationType(EstimationType.R_7);
    pct.setData(values);
    Stats s = new Stats(values[0], pct.evaluate(50), pct.evaluate(95), values[n - 1], sum / n);
    double toRate = info.kind().toRate(1, info.resolutionMs());
    OptionalDouble ratio = s.median() > 0 ? OptionalDouble.of(s.max() / s.median()) : OptionalDouble.empty();
    return new TraceSummary(info, trace.steps(), n, first, last + info.resolutionMs(), s, s.times(toRate), ratio,
        Gaps.of(gaps));
  }

  /** {@code endMs - startMs}. */
  public long durationMs() {
    return endMs - startMs;
  }
}
