package io.hns.traces;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as in scenario files: {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, {@code 1h30m},
 * {@code 1d}; a bare number is seconds. A leading {@code -} makes it negative (time shifts).
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

  private Durations() {}

  /** The duration in milliseconds; a {@link TraceException} with examples when it is not one. */
  public static long parseMillis(String text) {
    String s = text.trim();
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1);
    }
    long total;
    if (s.matches("\\d+(\\.\\d+)?")) {
      total = Math.round(Double.parseDouble(s) * 1000);
    } else {
      total = unitsMillis(s, text);
    }
    return negative ? -total : total;
  }

  /** True when the text has a unit ({@code 10m}, not {@code 10}). */
  public static boolean hasUnit(String text) {
    String s = text.trim();
    return !s.isEmpty() && Character.isLetter(s.charAt(s.length() - 1));
  }

  private static long unitsMillis(String s, String original) {
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
      throw new TraceException("\"" + original + "\" is not a duration (examples: 500ms, 10s, 5m, 1h30m)");
    }
    return total;
  }

  /** The shortest exact form: {@code 1h}, {@code 1h30m}, {@code 90s}, {@code 250ms}. */
  public static String format(long ms) {
    if (ms < 0) {
      return "-" + format(-ms);
    }
    if (ms == 0) {
      return "0s";
    }
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    StringBuilder b = new StringBuilder();
    long d = s / 86_400;
    long h = s % 86_400 / 3600;
    long m = s % 3600 / 60;
    long sec = s % 60;
    if (d > 0) b.append(d).append('d');
    if (h > 0) b.append(h).append('h');
    if (m > 0) b.append(m).append('m');
    if (sec > 0) b.append(sec).append('s');
    return b.toString();
  }
}
