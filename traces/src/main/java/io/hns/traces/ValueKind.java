package io.hns.traces;

/** What a trace's values measure. */
public enum ValueKind {
  /** An average level over the interval: requests per second (or, for recorded CPU, millicores). */
  RATE,
  /** How many requests (or units of work) arrived during the interval. */
  COUNT;

  /** {@code rate} or {@code count}, as in option values and JSON. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code rate} or {@code count} (case-insensitive). */
  public static ValueKind named(String name) {
    for (ValueKind k : values()) {
      if (k.label().equalsIgnoreCase(name.trim())) {
        return k;
      }
    }
    throw new TraceException("unknown value kind \"" + name + "\" (known: rate, count)");
  }

  /** The value as a per-second rate, given the interval it covers. */
  public double toRate(double value, long resolutionMs) {
    return this == RATE ? value : value * 1000.0 / resolutionMs;
  }

  /** A per-second rate expressed in this kind's unit for an interval of {@code resolutionMs}. */
  public double fromRate(double rate, long resolutionMs) {
    return this == RATE ? rate : rate * resolutionMs / 1000.0;
  }
}
