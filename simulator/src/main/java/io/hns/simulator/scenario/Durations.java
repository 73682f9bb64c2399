package io.hns.simulator.scenario;

/**
 * Durations in scenario files: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1h30m};
 * a bare number is seconds. The grammar is the traces module's ({@link io.hns.traces.Durations}), so
 * scenario files and trace options read durations alike; a bad one is an IllegalArgumentException
 * here, which the scenario loader reports with the key.
 */
public final class Durations {
  private Durations() {}

  public static long parseMillis(String text) {
    try {
      return io.hns.traces.Durations.parseMillis(text);
    } catch (io.hns.traces.TraceException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  public static String format(long ms) {
    return io.hns.traces.Durations.format(ms);
  }
}
