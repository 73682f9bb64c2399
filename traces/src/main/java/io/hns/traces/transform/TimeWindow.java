package io.hns.traces.transform;

import io.hns.traces.PointCursor;
import io.hns.traces.TimeBound;
import io.hns.traces.Trace;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;

/**
 * Keeps the points with {@code from <= time < to} (either bound may be absent). Relative bounds are
 * offsets from the input's first point. Streaming; reading stops at {@code to}.
 */
public final class TimeWindow implements TraceTransform {
  private final TimeBound from;
  private final TimeBound to;

  /** A window; {@code null} means unbounded on that side. */
  public TimeWindow(TimeBound from, TimeBound to) {
    if (from == null && to == null) {
      throw new IllegalArgumentException("a window needs a from or a to bound");
    }
    this.from = from;
    this.to = to;
  }

  @Override
  public PointCursor open(Trace input) {
    return new UpstreamCursor(input.open()) {
      private long lo = Long.MIN_VALUE;
      private long hi = Long.MAX_VALUE;
      private boolean started;
      private boolean ended;

      @Override
      protected TracePoint computeNext() {
        while (!ended) {
          TracePoint p = pull();
          if (p == null) {
            return null;
          }
          if (!started) {
            started = true;
            lo = from == null ? Long.MIN_VALUE : from.resolve(p.timeMs());
            hi = to == null ? Long.MAX_VALUE : to.resolve(p.timeMs());
          }
          if (p.timeMs() >= hi) {
            ended = true;
            return null;
          }
          if (p.timeMs() >= lo) {
            return p;
          }
        }
        return null;
      }
    };
  }

  @Override
  public String description() {
    return "window " + (from == null ? "start" : from) + " to " + (to == null ? "end" : to);
  }
}
