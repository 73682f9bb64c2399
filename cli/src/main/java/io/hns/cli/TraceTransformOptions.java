package io.hns.cli;

import io.hns.traces.Durations;
import io.hns.traces.GapPolicy;
import io.hns.traces.TimeBound;
import io.hns.traces.Timestamps;
import io.hns.traces.TraceException;
import io.hns.traces.TracePipeline;
import picocli.CommandLine.Option;

/**
 * The transform options of the commands that read traces (a picocli mixin), applied in the order of
 * {@link TracePipeline}: window, gaps, resample, scale, shift, loop.
 */
public final class TraceTransformOptions {
  @Option(names = "--from", paramLabel = "TIME",
      description = "Keep points from this date-time, or this offset from the start with a unit (e.g. 10m).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Keep points before this date-time or offset (e.g. 1h).")
  String to;

  @Option(names = "--gaps", paramLabel = "POLICY",
      description = "Missing intervals: zero, hold, interpolate or error (replay's default: error).")
  String gaps;

  @Option(names = "--resample", paramLabel = "DURATION",
      description = "Change the resolution (counts are summed, rates averaged), e.g. 5m.")
  String resample;

  @Option(names = "--scale", paramLabel = "FACTOR", description = "Multiply the values by FACTOR.")
  Double scale;

  @Option(names = "--scale-peak", paramLabel = "RPS", description = "Scale so that the peak rate is RPS requests/s (reads the file twice).")
  Double scalePeak;

  @Option(names = "--scale-mean", paramLabel = "RPS", description = "Scale so that the mean rate is RPS requests/s (reads the file twice).")
  Double scaleMean;

  @Option(names = "--start-at", paramLabel = "TIME",
      description = "Move the first point to TIME: 0 (times from the start) or a date-time.")
  String startAt;

  @Option(names = "--shift", paramLabel = "DURATION", description = "Add DURATION (may be negative) to every time.")
  String shift;

  @Option(names = "--loop", paramLabel = "DURATION",
      description = "Repeat the trace (or cut it) to DURATION from its start, e.g. 24h.")
  String loop;

  /** The pipeline these options describe. */
  public TracePipeline pipeline() {
    return new TracePipeline(
        from == null ? null : TimeBound.parse(from),
        to == null ? null : TimeBound.parse(to),
        gaps == null ? null : GapPolicy.named(gaps),
        resample == null ? null : Durations.parseMillis(resample),
        scale, scalePeak, scaleMean,
        startAt == null ? null : time("--start-at", startAt),
        shift == null ? null : Durations.parseMillis(shift),
        loop == null ? null : Durations.parseMillis(loop));
  }

  private static long time(String option, String text) {
    String s = text.trim();
    long t = Timestamps.parseDateTime(s);
    if (t == Timestamps.INVALID) {
      t = Timestamps.parseEpoch(s, 0, s.length(), 0);
    }
    if (t == Timestamps.INVALID) {
      throw new TraceException(option + " \"" + text + "\" is not 0, a date-time or an epoch time");
    }
    return t;
  }
}
