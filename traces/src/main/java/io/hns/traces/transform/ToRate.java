package io.hns.traces.transform;

import io.hns.traces.PointCursor;
import io.hns.traces.Trace;
import io.hns.traces.TraceInfo;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;
import io.hns.traces.ValueKind;

/** Turns counts per interval into rates per second (count / interval seconds); rates pass unchanged. Streaming. */
public final class ToRate implements TraceTransform {
  @Override
  public TraceInfo describe(TraceInfo input) {
    return input.withKind(ValueKind.RATE);
  }

  @Override
  public PointCursor open(Trace input) {
    TraceInfo info = input.info();
    return new UpstreamCursor(input.open()) {
      @Override
      protected TracePoint computeNext() {
        TracePoint p = pull();
        return p == null ? null : p.withValue(info.kind().toRate(p.value(), info.resolutionMs()));
      }
    };
  }

  @Override
  public String description() {
    return "to rate";
  }
}
