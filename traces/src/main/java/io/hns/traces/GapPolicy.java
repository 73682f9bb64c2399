package io.hns.traces;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What to do where a trace has a {@link Gap} (missing intervals). It is always an explicit choice:
 * the default, {@link #ERROR}, stops at the first gap and names it.
 */
public enum GapPolicy {
  /** Missing intervals are zero (nothing happened: a request log's idle minutes, a stopped service). */
  ZERO,
  /** Missing intervals repeat the value before the gap (a collector that dropped samples). */
  HOLD,
  /** Missing intervals are the straight line between the values on both sides of the gap. */
  INTERPOLATE,
  /** A gap is an error naming the file, line and times of the first gap. */
  ERROR;

  /** {@code zero}, {@code hold}, {@code interpolate} or {@code error}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy called {@code name} (case-insensitive); a {@link TraceException} listing them otherwise. */
  public static GapPolicy named(String name) {
    for (GapPolicy p : values()) {
      if (p.id().equalsIgnoreCase(name.trim())) {
        return p;
      }
    }
    throw new TraceException("unknown gap policy \"" + name + "\" (known: "
        + Arrays.stream(values()).map(GapPolicy::id).collect(Collectors.joining(", ")) + ")");
  }
}
