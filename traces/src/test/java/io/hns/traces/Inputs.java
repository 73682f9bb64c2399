package io.hns.traces;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Test inputs: text as a {@link TraceInput} that counts how often it is opened, and pass helpers. */
final class Inputs {
  private Inputs() {}

  /** An input named {@code name} holding {@code text}. */
  static Counted text(String name, String text) {
    return new Counted(name, text);
  }

  /** All points of one pass. */
  static List<TracePoint> points(Trace trace) {
    List<TracePoint> out = new ArrayList<>();
    try (PointCursor c = trace.open()) {
      c.forEachRemaining(out::add);
    }
    return out;
  }

  /** The values of one pass. */
  static List<Double> values(Trace trace) {
    return points(trace).stream().map(TracePoint::value).toList();
  }

  /** The times of one pass. */
  static List<Long> times(Trace trace) {
    return points(trace).stream().map(TracePoint::timeMs).toList();
  }

  /** A trace in memory: points every {@code resolutionMs} from {@code startMs} (NaN values are left out: gaps). */
  static Trace trace(ValueKind kind, long startMs, long resolutionMs, double... values) {
    List<TracePoint> pts = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      if (!Double.isNaN(values[i])) {
        pts.add(new TracePoint(startMs + i * resolutionMs, values[i]));
      }
    }
    return Trace.of(new TraceInfo("t", "mem", "test", kind, "requests", resolutionMs), pts);
  }

  /** A text input that counts its opens. */
  static final class Counted implements TraceInput {
    private final String name;
    private final byte[] bytes;
    final AtomicInteger opens = new AtomicInteger();

    Counted(String name, String text) {
      this.name = name;
      this.bytes = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public java.io.InputStream open() {
      opens.incrementAndGet();
      return new ByteArrayInputStream(bytes);
    }
  }
}
