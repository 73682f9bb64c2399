package io.hns.traces;

import io.hns.traces.transform.Scale;

/**
 * The transforms of the command line (and of anything configured like it: replay, sweeps), applied
 * in one fixed order: window ({@code from}, {@code to}), gap policy, resample, scale (one of factor,
 * peak, mean), shift ({@code startAt} or {@code shiftMs}), loop. Absent parts ({@code null}) are
 * skipped.
 *
 * @param from the window's start, or {@code null}
 * @param to the window's end (exclusive), or {@code null}
 * @param gaps the gap policy, or {@code null} to leave gaps as they are (then {@link RateSeries#of}
 *     refuses them: the default is an error)
 * @param resampleMs the new resolution, or {@code null}
 * @param scaleFactor multiply values by this, or {@code null}
 * @param scalePeak scale to this peak rate (requests/s), or {@code null}
 * @param scaleMean scale to this mean rate (requests/s), or {@code null}
 * @param startAt move the first point to this time (0: relative times), or {@code null}
 * @param shiftMs add this to every time, or {@code null}
 * @param loopMs repeat (or cut) to this duration, or {@code null}
 */
public record TracePipeline(TimeBound from, TimeBound to, GapPolicy gaps, Long resampleMs, Double scaleFactor,
    Double scalePeak, Double scaleMean, Long startAt, Long shiftMs, Long loopMs) {
  /** No transform. */
  public static final TracePipeline NONE = new TracePipeline(null, null, null, null, null, null, null, null, null, null);

  /** Checks that at most one scale and one shift are given, and that durations are positive. */
  public TracePipeline {
    int scales = (scaleFactor == null ? 0 : 1) + (scalePeak == null ? 0 : 1) + (scaleMean == null ? 0 : 1);
    if (scales > 1) {
      throw new TraceException("give at most one of --scale, --scale-peak and --scale-mean");
    }
    if (startAt != null && shiftMs != null) {
      throw new TraceException("give --start-at or --shift, not both");
    }
    if (resampleMs != null && resampleMs <= 0) {
      throw new TraceException("--resample must be a positive duration, got " + Durations.format(resampleMs));
    }
    if (loopMs != null && loopMs <= 0) {
      throw new TraceException("--loop must be a positive duration, got " + Durations.format(loopMs));
    }
  }

  /** The window part only (what the trace is before its gaps are handled). */
  public Trace window(Trace trace) {
    return from == null && to == null ? trace : trace.window(from, to);
  }

  /** Every part, in order. */
  public Trace apply(Trace trace) {
    Trace t = window(trace);
    if (gaps != null) t = t.gaps(gaps);
    if (resampleMs != null) t = t.resample(resampleMs);
    if (scaleFactor != null) t = t.then(Scale.by(scaleFactor));
    if (scalePeak != null) t = t.then(Scale.toPeak(scalePeak));
    if (scaleMean != null) t = t.then(Scale.toMean(scaleMean));
    if (startAt != null) t = t.startAt(startAt);
    if (shiftMs != null) t = t.shiftBy(shiftMs);
    if (loopMs != null) t = t.loop(loopMs);
    return t;
  }

  /** True when a gap policy fills gaps (zero, hold, interpolate). */
  public boolean fillsGaps() {
    return gaps != null && gaps != GapPolicy.ERROR;
  }
}
