package io.hns.traces;

/**
 * A bound of a time window: an absolute time, or an offset from the first point of the trace.
 *
 * @param millis epoch milliseconds, or the offset in milliseconds
 * @param relative true for an offset from the trace's first point
 */
public record TimeBound(long millis, boolean relative) {
  /** An absolute time (epoch milliseconds). */
  public static TimeBound at(long epochMs) {
    return new TimeBound(epochMs, false);
  }

  /** An offset from the trace's first point. */
  public static TimeBound afterStart(long offsetMs) {
    return new TimeBound(offsetMs, true);
  }

  /**
   * {@code 90m}, {@code 1h30m} (a duration with a unit: an offset from the start), or a date-time
   * ({@code 2023-11-16T18:30:00Z}, {@code 2023-11-16 18:30}; no zone means UTC). A bare number is
   * refused as ambiguous.
   */
  public static TimeBound parse(String text) {
    String s = text.trim();
    long t = Timestamps.parseDateTime(s);
    if (t != Timestamps.INVALID) {
      return at(t);
    }
    if (Durations.hasUnit(s)) {
      return afterStart(Durations.parseMillis(s));
    }
    throw new TraceException("\"" + text + "\" is neither a date-time (2023-11-16T18:30:00Z) nor an offset from"
        + " the start with a unit (90m, 1h30m)");
  }

  /** The bound as epoch milliseconds for a trace whose first point is at {@code startMs}. */
  public long resolve(long startMs) {
    return relative ? startMs + millis : millis;
  }

  @Override
  public String toString() {
    return relative ? "+" + Durations.format(millis) : Timestamps.format(millis);
  }
}
