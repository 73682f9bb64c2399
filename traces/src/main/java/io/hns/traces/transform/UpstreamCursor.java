package io.hns.traces.transform;

import io.hns.traces.AbstractPointCursor;
import io.hns.traces.PointCursor;
import io.hns.traces.TracePoint;

/** A cursor over another one: positions come from upstream, closing closes it. */
abstract class UpstreamCursor extends AbstractPointCursor {
  protected PointCursor upstream;

  UpstreamCursor(PointCursor upstream) {
    this.upstream = upstream;
  }

  /** The next upstream point, or {@code null}. */
  protected final TracePoint pull() {
    return upstream.hasNext() ? upstream.next() : null;
  }

  @Override
  public String position() {
    return upstream.position();
  }

  @Override
  public void close() {
    upstream.close();
  }
}
