package io.hns.traces;

import java.util.NoSuchElementException;

/** A {@link PointCursor} whose subclass computes one point at a time ({@link #computeNext()}). */
public abstract class AbstractPointCursor implements PointCursor {
  private TracePoint next;
  private boolean done;

  /** The next point, or {@code null} at the end. */
  protected abstract TracePoint computeNext();

  @Override
  public final boolean hasNext() {
    if (next == null && !done) {
      next = computeNext();
      done = next == null;
    }
    return next != null;
  }

  @Override
  public final TracePoint next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TracePoint p = next;
    next = null;
    return p;
  }
}
