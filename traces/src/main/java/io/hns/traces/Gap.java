package io.hns.traces;

/**
 * Missing intervals between two consecutive points. A step between points of at least 1.5
 * resolutions is a gap of {@code max(1, floor(step / resolution) - 1)} intervals (a shorter
 * irregular step is not a gap); the missing intervals start at {@code lastBeforeMs + resolution}, so
 * on a regular grid a step of k resolutions misses k - 1 intervals.
 *
 * @param lastBeforeMs the time of the point before the gap
 * @param firstAfterMs the time of the point after the gap
 * @param missingIntervals how many intervals are missing (at least 1)
 * @param resolutionMs the trace's resolution
 */
public record Gap(long lastBeforeMs, long firstAfterMs, long missingIntervals, long resolutionMs) {
  /** The gap between points at {@code previousMs} and {@code nextMs}, or {@code null} when there is none. */
  public static Gap between(long previousMs, long nextMs, long resolutionMs) {
    long step = nextMs - previousMs;
    if (2 * step < 3 * resolutionMs) {
      return null;
    }
    return new Gap(previousMs, nextMs, Math.max(1, step / resolutionMs - 1), resolutionMs);
  }

  /** When the first missing interval starts. */
  public long fromMs() {
    return lastBeforeMs + resolutionMs;
  }

  /** The time without points: from the end of the point before to the point after. */
  public long lengthMs() {
    return firstAfterMs - fromMs();
  }

  /** {@code no points from 2023-11-16T18:20:00Z to 2023-11-16T18:23:00Z (3 missing intervals of 1m)}. */
  public String describe() {
    return "no points from " + Timestamps.format(fromMs()) + " to " + Timestamps.format(firstAfterMs) + " ("
        + missingIntervals + " missing interval" + (missingIntervals == 1 ? "" : "s") + " of "
        + Durations.format(resolutionMs) + ")";
  }
}
