package io.hns.traces.transform;

import io.hns.traces.Durations;
import io.hns.traces.PointCursor;
import io.hns.traces.Trace;
import io.hns.traces.TraceInfo;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;
import io.hns.traces.ValueKind;
import java.util.ArrayDeque;

/**
 * Changes the resolution to intervals of {@code resolutionMs} aligned to the epoch (5-minute
 * intervals start at :00, :05, ...). Each input point covers {@code [t, t + input resolution)} and
 * is spread over the output intervals it overlaps, in proportion: counts are summed (a 1-minute
 * count split into 1-second intervals gives each 1/60), rates are averaged over the time covered.
 * An output interval that no input point covers is left out, so gaps stay gaps (apply
 * {@link GapFill} before resampling to fill them at the input resolution). Streaming.
 */
public final class Resample implements TraceTransform {
  private final long resolutionMs;

  /** Resamples to {@code resolutionMs} (positive). */
  public Resample(long resolutionMs) {
    if (resolutionMs <= 0) {
      throw new IllegalArgumentException("resolution must be positive");
    }
    this.resolutionMs = resolutionMs;
  }

  @Override
  public TraceInfo describe(TraceInfo input) {
    return input.withResolution(resolutionMs);
  }

  @Override
  public PointCursor open(Trace input) {
    long in = input.info().resolutionMs();
    boolean count = input.info().kind() == ValueKind.COUNT;
    long out = resolutionMs;
    return new UpstreamCursor(input.open()) {
      private final ArrayDeque<TracePoint> ready = new ArrayDeque<>();
      private long bin = Long.MIN_VALUE;
      private double sum;
      private long covered;
      private boolean ended;

      @Override
      protected TracePoint computeNext() {
        while (ready.isEmpty() && !ended) {
          TracePoint p = pull();
          if (p == null) {
            ended = true;
            flush();
            break;
          }
          long s = p.timeMs();
          long e = s + in;
          while (s < e) {
            long b = Math.floorDiv(s, out) * out;
            if (b != bin) {
              flush();
              bin = b;
            }
            long segEnd = Math.min(e, b + out);
            long overlap = segEnd - s;
            sum += count ? p.value() * overlap / in : p.value() * overlap;
            covered += overlap;
            s = segEnd;
          }
        }
        return ready.poll();
      }

      private void flush() {
        if (covered > 0) {
          ready.add(new TracePoint(bin, count ? sum : sum / covered));
        }
        sum = 0;
        covered = 0;
      }
    };
  }

  @Override
  public String description() {
    return "resample " + Durations.format(resolutionMs);
  }
}
