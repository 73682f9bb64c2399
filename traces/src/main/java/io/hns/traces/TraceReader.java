package io.hns.traces;

import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads one trace file, streaming: points come in strictly increasing time, one at a time, and the
 * file is never held whole in memory. One implementation per {@link TraceFormat}. Malformed input is
 * a {@link TraceException} naming the file and line.
 */
public interface TraceReader extends PointCursor {
  /** What the trace is (known once the reader is open: header read, resolution decided). */
  TraceInfo info();

  /** The remaining points as a stream; closing the stream closes the reader. */
  default Stream<TracePoint> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(this::close);
  }
}
