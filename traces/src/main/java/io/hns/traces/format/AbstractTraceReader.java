package io.hns.traces.format;

import io.hns.traces.TraceInfo;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The iteration of a {@link TraceReader}: subclasses produce raw points one at a time
 * ({@link #readPoint()}), this class keeps the points read ahead (to decide a resolution) and
 * reports each point's line in {@link #position()}.
 */
public abstract class AbstractTraceReader implements TraceReader {
  private final String source;
  private final ArrayDeque<TracePoint> ahead = new ArrayDeque<>();
  private final ArrayDeque<Long> aheadLines = new ArrayDeque<>();
  private TracePoint next;
  private long nextLine;
  private long lastLine;
  private boolean exhausted;
  private boolean closed;

  /** A reader of the input named {@code source} (the name used in messages). */
  protected AbstractTraceReader(String source) {
    this.source = source;
  }

  /** The next point of the file, or {@code null} at its end. */
  protected abstract TracePoint readPoint();

  /** The line of the point {@link #readPoint()} returned last (0 when lines mean nothing). */
  protected abstract long pointLine();

  /** Closes the input. */
  protected abstract void closeInput();

  @Override
  public abstract TraceInfo info();

  /** The input's name, for messages. */
  protected final String source() {
    return source;
  }

  /**
   * Reads up to {@code n} points ahead (they are returned by {@link #next()} later, in order); for
   * deciding a resolution from the first points. Memory: {@code n} points.
   */
  protected final List<TracePoint> peek(int n) {
    while (ahead.size() < n && !exhausted) {
      TracePoint p = readPoint();
      if (p == null) {
        exhausted = true;
      } else {
        ahead.add(p);
        aheadLines.add(pointLine());
      }
    }
    return new ArrayList<>(ahead).subList(0, Math.min(n, ahead.size()));
  }

  /** The smallest positive step among the first {@code n} points, or {@code fallback} with fewer than two. */
  protected final long smallestStep(int n, long fallback) {
    List<TracePoint> first = peek(n);
    long best = Long.MAX_VALUE;
    for (int i = 1; i < first.size(); i++) {
      long d = first.get(i).timeMs() - first.get(i - 1).timeMs();
      if (d > 0 && d < best) {
        best = d;
      }
    }
    return best == Long.MAX_VALUE ? fallback : best;
  }

  @Override
  public final boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (!ahead.isEmpty()) {
      next = ahead.poll();
      nextLine = aheadLines.poll();
      return true;
    }
    if (exhausted || closed) {
      return false;
    }
    TracePoint p = readPoint();
    if (p == null) {
      exhausted = true;
      return false;
    }
    next = p;
    nextLine = pointLine();
    return true;
  }

  @Override
  public final TracePoint next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TracePoint p = next;
    next = null;
    lastLine = nextLine;
    return p;
  }

  @Override
  public final String position() {
    return lastLine > 0 ? source + ":" + lastLine : source;
  }

  @Override
  public final void close() {
    if (!closed) {
      closed = true;
      closeInput();
    }
  }
}
