package io.hns.traces.transform;

import io.hns.traces.PointCursor;
import io.hns.traces.Trace;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;
import java.util.function.Consumer;

/** Shows every point passing through to an observer, unchanged (e.g. to find gaps before they are filled). Streaming. */
public final class Peek implements TraceTransform {
  private final Consumer<TracePoint> observer;

  /** Calls {@code observer} with each point of each pass. */
  public Peek(Consumer<TracePoint> observer) {
    this.observer = observer;
  }

  @Override
  public PointCursor open(Trace input) {
    return new UpstreamCursor(input.open()) {
      @Override
      protected TracePoint computeNext() {
        TracePoint p = pull();
        if (p != null) {
          observer.accept(p);
        }
        return p;
      }
    };
  }

  @Override
  public String description() {
    return "peek";
  }
}
