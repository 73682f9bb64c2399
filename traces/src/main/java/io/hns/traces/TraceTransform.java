package io.hns.traces;

/**
 * An operation on a trace (resample, window, gaps, scale, shift, loop; see {@link Trace} and
 * {@code io.hns.traces.transform}): it describes its output and opens passes over it. Streaming
 * transforms hold a few points; the others read their input more than once (each says so).
 */
public interface TraceTransform {
  /** The output's info, given the input's (by default unchanged). */
  default TraceInfo describe(TraceInfo input) {
    return input;
  }

  /** One pass over the output; it may open {@code input} several times. */
  PointCursor open(Trace input);

  /** A short description, e.g. {@code resample 5m}, {@code gaps zero}. */
  String description();
}
