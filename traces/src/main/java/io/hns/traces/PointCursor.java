package io.hns.traces;

import java.util.Iterator;

/**
 * One pass over a trace's points, in strictly increasing time. It holds an open file: close it
 * (try-with-resources) when stopping early.
 */
public interface PointCursor extends Iterator<TracePoint>, AutoCloseable {
  /**
   * Where the last point came from, for messages: {@code file:line} for line-based formats, the
   * file alone otherwise.
   */
  String position();

  /** Releases the input; no checked exception. */
  @Override
  void close();
}
