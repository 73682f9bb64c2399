package io.hns.traces.transform;

import io.hns.traces.Durations;
import io.hns.traces.PointCursor;
import io.hns.traces.Trace;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;

/**
 * Repeats the trace back to back until it lasts {@code durationMs} from its first point, cutting the
 * last repetition (so a longer trace is cut to the duration). A repetition starts one resolution
 * after the previous one's last point. Each repetition reads the input again (no buffering), so the
 * input is read {@code ceil(duration / trace length)} times.
 */
public final class Loop implements TraceTransform {
  private final long durationMs;

  /** Repeats to {@code durationMs} (positive). */
  public Loop(long durationMs) {
    if (durationMs <= 0) {
      throw new IllegalArgumentException("a loop duration must be positive");
    }
    this.durationMs = durationMs;
  }

  @Override
  public PointCursor open(Trace input) {
    long res = input.info().resolutionMs();
    return new UpstreamCursor(input.open()) {
      private long start = Long.MIN_VALUE;
      private long end;
      private long offset;
      private long last;
      private boolean pointsThisCycle;
      private boolean done;

      @Override
      protected TracePoint computeNext() {
        while (!done) {
          TracePoint p = pull();
          if (p == null) {
            if (!pointsThisCycle) {
              done = true;
              return null;
            }
            offset = last + res - start;
            upstream.close();
            upstream = input.open();
            pointsThisCycle = false;
            continue;
          }
          if (start == Long.MIN_VALUE) {
            start = p.timeMs();
            end = start + durationMs;
          }
          pointsThisCycle = true;
          long t = p.timeMs() + offset;
          last = t;
          if (t >= end) {
            done = true;
            return null;
          }
          return p.at(t);
        }
        return null;
      }
    };
  }

  @Override
  public String description() {
    return "loop to " + Durations.format(durationMs);
  }
}
