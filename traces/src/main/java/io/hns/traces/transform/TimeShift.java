package io.hns.traces.transform;

import io.hns.traces.Durations;
import io.hns.traces.PointCursor;
import io.hns.traces.Timestamps;
import io.hns.traces.Trace;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;

/**
 * Moves the trace in time: by a fixed amount ({@link #by}), or so that its first point is at a
 * given time ({@link #startAt}; {@code startAt(0)} makes times offsets from the start, as the
 * simulator wants). Streaming.
 */
public final class TimeShift implements TraceTransform {
  private final long amount;
  private final boolean toStart;

  private TimeShift(long amount, boolean toStart) {
    this.amount = amount;
    this.toStart = toStart;
  }

  /** Adds {@code deltaMs} to every time. */
  public static TimeShift by(long deltaMs) {
    return new TimeShift(deltaMs, false);
  }

  /** Moves the first point to {@code timeMs} (epoch milliseconds; 0 for relative times). */
  public static TimeShift startAt(long timeMs) {
    return new TimeShift(timeMs, true);
  }

  @Override
  public PointCursor open(Trace input) {
    return new UpstreamCursor(input.open()) {
      private long delta = toStart ? Long.MIN_VALUE : amount;

      @Override
      protected TracePoint computeNext() {
        TracePoint p = pull();
        if (p == null) {
          return null;
        }
        if (delta == Long.MIN_VALUE) {
          delta = amount - p.timeMs();
        }
        return p.at(p.timeMs() + delta);
      }
    };
  }

  @Override
  public String description() {
    return toStart ? "start at " + (amount == 0 ? "0" : Timestamps.format(amount)) : "shift " + Durations.format(amount);
  }
}
