package io.hns.traces;

import java.util.Objects;

/**
 * What a trace is: its name, the file it came from, its format, what its values measure, what they
 * count ({@code unit}, e.g. {@code requests}, {@code invocations}, {@code tokens}) and its nominal
 * resolution (the interval each point covers).
 *
 * @param name short name (the file name without extension, by default)
 * @param source the file as the user named it, for messages
 * @param format the {@link TraceFormat} id it was read with
 * @param kind rate per second or count per interval
 * @param unit what is counted or measured ({@code requests}, {@code invocations}, {@code millicores}, ...)
 * @param resolutionMs the interval each point covers, in milliseconds (positive)
 */
public record TraceInfo(String name, String source, String format, ValueKind kind, String unit, long resolutionMs) {
  /** Checks the fields. */
  public TraceInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(unit, "unit");
    if (resolutionMs <= 0) {
      throw new IllegalArgumentException("resolution must be positive, got " + resolutionMs + " ms");
    }
  }

  /** The same trace at another resolution. */
  public TraceInfo withResolution(long newResolutionMs) {
    return new TraceInfo(name, source, format, kind, unit, newResolutionMs);
  }

  /** The same trace measured as another kind. */
  public TraceInfo withKind(ValueKind newKind) {
    return new TraceInfo(name, source, format, newKind, unit, resolutionMs);
  }

  /** The unit of one value, e.g. {@code requests per 1m} or {@code requests/s}. */
  public String valueUnit() {
    return kind == ValueKind.COUNT ? unit + " per " + Durations.format(resolutionMs) : unit + "/s";
  }
}
