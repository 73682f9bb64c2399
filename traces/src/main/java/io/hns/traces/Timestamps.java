package io.hns.traces;

import java.time.Instant;

/**
 * Fast, allocation-free parsing of the date-times found in traces, to epoch milliseconds (UTC):
 * ISO-8601 / RFC 3339 ({@code 2023-11-16T18:17:03Z}, {@code 2023-11-16T18:17:03.5+01:00}) and
 * the space-separated {@code yyyy-MM-dd HH:mm[:ss[.fraction]]}; a date alone is its midnight. The
 * fraction may have any number of digits (it is truncated to milliseconds); no zone means UTC.
 */
public final class Timestamps {
  /** Returned by the {@code parse} methods when the text is not a date-time. */
  public static final long INVALID = Long.MIN_VALUE;

  /** Epoch values at or above this magnitude are taken as milliseconds, below as seconds (year 5138 vs 1973). */
  public static final double EPOCH_MS_THRESHOLD = 1e11;

  private Timestamps() {}

  /** The text's epoch milliseconds, or {@link #INVALID}. */
  public static long parseDateTime(CharSequence s) {
    return parseDateTime(s, 0, s.length());
  }

  /** The epoch milliseconds of {@code s[from, to)}, or {@link #INVALID}. */
  public static long parseDateTime(CharSequence s, int from, int to) {
    int p = from;
    if (to - p < 10) {
      return INVALID;
    }
    int year = digits(s, p, 4);
    if (year < 0 || s.charAt(p + 4) != '-') return INVALID;
    int month = digits(s, p + 5, 2);
    if (month < 1 || month > 12 || s.charAt(p + 7) != '-') return INVALID;
    int day = digits(s, p + 8, 2);
    if (day < 1 || day > monthLength(year, month)) return INVALID;
    p += 10;
    long epochDay = epochDay(year, month, day);
    if (p == to) {
      return epochDay * 86_400_000L;
    }
    char sep = s.charAt(p);
    if (sep != 'T' && sep != 't' && sep != ' ') return INVALID;
    p++;
    if (to - p < 5) return INVALID;
    int hour = digits(s, p, 2);
    if (hour < 0 || hour > 23 || s.charAt(p + 2) != ':') return INVALID;
    int minute = digits(s, p + 3, 2);
    if (minute < 0 || minute > 59) return INVALID;
    p += 5;
    int second = 0;
    int millis = 0;
    if (p < to && s.charAt(p) == ':') {
      if (to - p < 3) return INVALID;
      second = digits(s, p + 1, 2);
      if (second < 0 || second > 59) return INVALID;
      p += 3;
      if (p < to && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
        p++;
        int start = p;
        while (p < to && isDigit(s.charAt(p))) {
          if (p - start < 3) {
            millis = millis * 10 + (s.charAt(p) - '0');
          }
          p++;
        }
        int n = p - start;
        if (n == 0) return INVALID;
        for (int i = n; i < 3; i++) {
          millis *= 10;
        }
      }
    }
    long offsetMinutes = 0;
    if (p < to) {
      char z = s.charAt(p);
      if ((z == 'Z' || z == 'z') && p + 1 == to) {
        p++;
      } else if (z == '+' || z == '-') {
        int sign = z == '-' ? -1 : 1;
        p++;
        if (to - p < 2) return INVALID;
        int oh = digits(s, p, 2);
        if (oh < 0 || oh > 18) return INVALID;
        p += 2;
        int om = 0;
        if (p < to) {
          if (s.charAt(p) == ':') p++;
          if (to - p != 2) return INVALID;
          om = digits(s, p, 2);
          if (om < 0 || om > 59) return INVALID;
          p += 2;
        }
        offsetMinutes = sign * (oh * 60L + om);
      } else {
        return INVALID;
      }
    }
    if (p != to) return INVALID;
    return ((epochDay * 24 + hour) * 60 + minute - offsetMinutes) * 60_000L + second * 1000L + millis;
  }

  /**
   * An epoch number: seconds (fractions allowed) or milliseconds; {@code unitMs} is 1000 for
   * seconds, 1 for milliseconds, 0 to decide by magnitude ({@link #EPOCH_MS_THRESHOLD}).
   * {@link #INVALID} when the text is not a finite number.
   */
  public static long parseEpoch(CharSequence s, int from, int to, int unitMs) {
    long whole = parseLong(s, from, to);
    if (whole != INVALID) {
      int unit = unitMs != 0 ? unitMs : Math.abs((double) whole) >= EPOCH_MS_THRESHOLD ? 1 : 1000;
      return whole * unit;
    }
    double v;
    try {
      v = Double.parseDouble(s.subSequence(from, to).toString());
    } catch (NumberFormatException e) {
      return INVALID;
    }
    if (!Double.isFinite(v)) return INVALID;
    int unit = unitMs != 0 ? unitMs : Math.abs(v) >= EPOCH_MS_THRESHOLD ? 1 : 1000;
    return (long) Math.floor(v * unit);
  }

  /** A decimal integer ({@code [-+]?digits}, at most 18 digits) or {@link #INVALID}. */
  public static long parseLong(CharSequence s, int from, int to) {
    int p = from;
    boolean negative = false;
    if (p < to && (s.charAt(p) == '-' || s.charAt(p) == '+')) {
      negative = s.charAt(p) == '-';
      p++;
    }
    if (p == to || to - p > 18) return INVALID;
    long v = 0;
    for (; p < to; p++) {
      char c = s.charAt(p);
      if (!isDigit(c)) return INVALID;
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  /** ISO-8601 instant text of epoch milliseconds, e.g. {@code 2023-11-16T18:17:00Z}. */
  public static String format(long epochMs) {
    return Instant.ofEpochMilli(epochMs).toString();
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int digits(CharSequence s, int p, int n) {
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(p + i);
      if (!isDigit(c)) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static int monthLength(int year, int month) {
    return switch (month) {
      case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
  private static long epochDay(int year, int month, int day) {
    long y = month <= 2 ? year - 1 : year;
    long era = Math.floorDiv(y, 400);
    long yoe = y - era * 400;
    long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097 + doe - 719_468;
  }
}
