package io.hns.model.cluster;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Time in the model is a {@code long} of epoch milliseconds: integer, cheap, and the simulator's
 * clock. {@link #UNSET} stands for Kubernetes' zero time (a field never set).
 */
public final class Times {
  public static final long UNSET = Long.MIN_VALUE;

  private Times() {}

  public static boolean isSet(long t) {
    return t != UNSET;
  }

  /** RFC 3339 to epoch milliseconds; null or empty gives {@link #UNSET}. */
  public static long parse(String rfc3339) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return UNSET;
    }
    try {
      return Instant.parse(rfc3339).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("\"" + rfc3339 + "\" is not an RFC 3339 time", e);
    }
  }

  public static String format(long t) {
    return t == UNSET ? "" : Instant.ofEpochMilli(t).toString();
  }
}
