package io.hns.traces;

import java.util.Arrays;

/**
 * A trace materialised for the simulator: sorted times and rates (requests per second), read as a
 * step function. {@code rateAt(t)} is the rate of the last point at or before {@code t}, from the
 * first point until one resolution after the last ({@link #endMs()}), and 0 outside. The simulator
 * adapts it with {@code LoadCurve curve = series::rateAt} (after {@code startAt(0)} so that times are
 * offsets from the start of the run). Memory: 16 bytes per point (a day at 1 s is 1.4 MB).
 */
public final class RateSeries {
  private final long[] times;
  private final double[] rates;
  private final long endMs;
  private final long resolutionMs;

  private RateSeries(long[] times, double[] rates, long endMs, long resolutionMs) {
    this.times = times;
    this.rates = rates;
    this.endMs = endMs;
    this.resolutionMs = resolutionMs;
  }

  /**
   * Reads one pass of {@code trace} into memory. Counts become rates; a gap the trace still has
   * is an error naming it (choose a gap policy first); a trace without points is an error.
   */
  public static RateSeries of(Trace trace) {
    TraceInfo info = trace.info();
    long res = info.resolutionMs();
    long[] t = new long[1024];
    double[] r = new double[1024];
    int n = 0;
    try (PointCursor c = trace.gaps(GapPolicy.ERROR).open()) {
      while (c.hasNext()) {
        TracePoint p = c.next();
        if (n == t.length) {
          t = Arrays.copyOf(t, n * 2);
          r = Arrays.copyOf(r, n * 2);
        }
        t[n] = p.timeMs();
        r[n] = info.kind().toRate(p.value(), res);
        n++;
      }
    }
    if (n == 0) {
      throw new TraceException(info.source() + ": the trace has no points"
          + (trace.steps().isEmpty() ? "" : " after " + String.join(", ", trace.steps())));
    }
    return new RateSeries(Arrays.copyOf(t, n), Arrays.copyOf(r, n), t[n - 1] + res, res);
  }

  /**
   * A series from arrays (times strictly increasing, rates not negative); {@code endMs} is when the
   * last rate stops (after the last time).
   */
  public static RateSeries of(long[] times, double[] rates, long endMs, long resolutionMs) {
    if (times.length != rates.length || times.length == 0) {
      throw new IllegalArgumentException("times and rates must have the same, non-zero length");
    }
    for (int i = 1; i < times.length; i++) {
      if (times[i] <= times[i - 1]) {
        throw new IllegalArgumentException("times must strictly increase (index " + i + ")");
      }
    }
    if (endMs <= times[times.length - 1]) {
      throw new IllegalArgumentException("the end must be after the last time");
    }
    return new RateSeries(times.clone(), rates.clone(), endMs, resolutionMs);
  }

  /** The rate at {@code timeMs} in requests per second (0 before the first point and from {@link #endMs()}). */
  public double rateAt(long timeMs) {
    if (timeMs < times[0] || timeMs >= endMs) {
      return 0;
    }
    int i = Arrays.binarySearch(times, timeMs);
    return rates[i >= 0 ? i : -i - 2];
  }

  /** The first point's time. */
  public long startMs() {
    return times[0];
  }

  /** One resolution after the last point: the rate is 0 from here. */
  public long endMs() {
    return endMs;
  }

  /** {@code endMs - startMs}. */
  public long durationMs() {
    return endMs - times[0];
  }

  /** The interval of each point. */
  public long resolutionMs() {
    return resolutionMs;
  }

  /** The number of points. */
  public int size() {
    return times.length;
  }

  /** The time of point {@code i}. */
  public long timeAt(int i) {
    return times[i];
  }

  /** The rate of point {@code i}. */
  public double rateOf(int i) {
    return rates[i];
  }

  /** The highest rate. */
  public double peakRate() {
    double m = 0;
    for (double r : rates) {
      m = Math.max(m, r);
    }
    return m;
  }

  /** The time-weighted mean rate from start to end. */
  public double meanRate() {
    double area = 0;
    for (int i = 0; i < times.length; i++) {
      long until = i + 1 < times.length ? times[i + 1] : endMs;
      area += rates[i] * (until - times[i]);
    }
    return area / durationMs();
  }
}
