package io.hns.traces;

/**
 * One value of a trace: the value applies from {@code timeMs} (epoch milliseconds, UTC) for one
 * resolution of the trace ({@link TraceInfo#resolutionMs()}). Its unit is the trace's
 * {@link ValueKind}: a per-second rate, or a count per interval.
 */
public record TracePoint(long timeMs, double value) {
  /** The same point with another value. */
  public TracePoint withValue(double newValue) {
    return new TracePoint(timeMs, newValue);
  }

  /** The same value at another time. */
  public TracePoint at(long newTimeMs) {
    return new TracePoint(newTimeMs, value);
  }
}
