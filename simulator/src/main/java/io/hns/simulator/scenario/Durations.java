package io.hns.simulator.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations in scenario files: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1h30m}; a bare number is seconds. */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  public static long parseMillis(String text) {
    String s = text.trim();
    if (s.matches("\\d+(\\.\\d+)?")) {
      return Math.round(Double.parseDouble(s) * 1000);
    }
    Matcher m = PART.matcher(s);
    long total = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        break;
      }
      double v = Double.parseDouble(m.group(1));
      total += Math.round(v * switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        case "h" -> 3_600_000;
        default -> 86_400_000;
      });
      end = m.end();
    }
    if (end != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("\"" + text + "\" is not a duration (examples: 500ms, 10s, 5m, 1h30m)");
    }
    return total;
  }

  public static String format(long ms) {
    if (ms % 3_600_000 == 0 && ms > 0) return ms / 3_600_000 + "h";
    if (ms % 60_000 == 0 && ms > 0) return ms / 60_000 + "m";
    if (ms % 1_000 == 0) return ms / 1_000 + "s";
    return ms + "ms";
  }
}
