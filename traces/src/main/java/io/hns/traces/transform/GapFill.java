package io.hns.traces.transform;

import io.hns.traces.Gap;
import io.hns.traces.GapPolicy;
import io.hns.traces.PointCursor;
import io.hns.traces.Trace;
import io.hns.traces.TraceException;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;

/**
 * Applies a {@link GapPolicy} at every {@link Gap}: fills the missing intervals (on the grid of the
 * point before the gap) with zeros, the value before, or the straight line to the value after; or,
 * with {@link GapPolicy#ERROR}, stops at the first gap with a message naming the file, the line
 * after the gap and the missing times. Streaming.
 */
public final class GapFill implements TraceTransform {
  private final GapPolicy policy;

  /** Fills (or refuses) gaps by {@code policy}. */
  public GapFill(GapPolicy policy) {
    this.policy = policy;
  }

  @Override
  public PointCursor open(Trace input) {
    long res = input.info().resolutionMs();
    return new UpstreamCursor(input.open()) {
      private TracePoint previous;
      private TracePoint pending;
      private long fillIndex;
      private Gap gap;

      @Override
      protected TracePoint computeNext() {
        if (gap != null) {
          if (fillIndex <= gap.missingIntervals()) {
            long k = fillIndex++;
            double v = switch (policy) {
              case ZERO -> 0;
              case HOLD -> previous.value();
              default -> previous.value() + (pending.value() - previous.value()) * (k * res)
                  / (double) (pending.timeMs() - previous.timeMs());
            };
            return new TracePoint(previous.timeMs() + k * res, v);
          }
          gap = null;
          previous = pending;
          return pending;
        }
        TracePoint p = pull();
        if (p == null) {
          return null;
        }
        if (previous != null) {
          Gap g = Gap.between(previous.timeMs(), p.timeMs(), res);
          if (g != null) {
            if (policy == GapPolicy.ERROR) {
              throw TraceException.at(position(), "gap in the trace: " + g.describe()
                  + "; choose a gap policy (--gaps zero, hold or interpolate)");
            }
            gap = g;
            pending = p;
            fillIndex = 1;
            return computeNext();
          }
        }
        previous = p;
        return p;
      }
    };
  }

  @Override
  public String description() {
    return "gaps " + policy.id();
  }
}
