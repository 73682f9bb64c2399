package io.hns.traces;

import java.util.Locale;

/** How a time column is written ({@code --time-format}). */
public enum TimeFormat {
  /** Decided by the first row: a number is epoch seconds or milliseconds by magnitude, text is ISO. */
  AUTO("auto"),
  /** Epoch seconds, fractions allowed. */
  EPOCH_S("epoch-s"),
  /** Epoch milliseconds. */
  EPOCH_MS("epoch-ms"),
  /** ISO-8601 or {@code yyyy-MM-dd HH:mm:ss[.fraction]}; no zone means UTC ({@link Timestamps}). */
  ISO("iso");

  private final String id;

  TimeFormat(String id) {
    this.id = id;
  }

  /** The option value: {@code auto}, {@code epoch-s}, {@code epoch-ms} or {@code iso}. */
  public String id() {
    return id;
  }

  /** The format with this id (case-insensitive); a {@link TraceException} listing the ids otherwise. */
  public static TimeFormat named(String name) {
    for (TimeFormat f : values()) {
      if (f.id.equals(name.trim().toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new TraceException("unknown time format \"" + name + "\" (known: auto, epoch-s, epoch-ms, iso)");
  }

  /**
   * Parses one time cell to epoch milliseconds. With {@link #AUTO} the first call decides the format
   * for the rest of the file (so {@code 60} is always seconds, never milliseconds, in one file).
   */
  public static final class Parser {
    private TimeFormat format;

    /** A parser of cells written in {@code format}. */
    public Parser(TimeFormat format) {
      this.format = format;
    }

    /** The format in use ({@link #AUTO} until the first cell is parsed). */
    public TimeFormat format() {
      return format;
    }

    /** The cell's epoch milliseconds; a {@link TraceException} at {@code where} naming the cell otherwise. */
    public long parse(CharSequence s, int from, int to, String where) {
      if (from == to) {
        throw TraceException.at(where, "time is empty");
      }
      if (format == AUTO) {
        long v = Timestamps.parseEpoch(s, from, to, 1);
        format = v == Timestamps.INVALID ? ISO
            : Math.abs((double) v) >= Timestamps.EPOCH_MS_THRESHOLD ? EPOCH_MS : EPOCH_S;
      }
      long t = switch (format) {
        case EPOCH_S -> Timestamps.parseEpoch(s, from, to, 1000);
        case EPOCH_MS -> Timestamps.parseEpoch(s, from, to, 1);
        default -> Timestamps.parseDateTime(s, from, to);
      };
      if (t == Timestamps.INVALID) {
        String cell = s.subSequence(from, to).toString();
        throw TraceException.at(where, "time \"" + cell + "\" is " + switch (format) {
          case EPOCH_S -> "not a number of epoch seconds";
          case EPOCH_MS -> "not a number of epoch milliseconds";
          default -> "not a date (expected ISO-8601 or yyyy-MM-dd HH:mm:ss[.fraction])";
        });
      }
      return t;
    }
  }
}
