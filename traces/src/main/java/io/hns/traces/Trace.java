package io.hns.traces;

import io.hns.traces.transform.GapFill;
import io.hns.traces.transform.Loop;
import io.hns.traces.transform.Peek;
import io.hns.traces.transform.Resample;
import io.hns.traces.transform.Scale;
import io.hns.traces.transform.TimeShift;
import io.hns.traces.transform.TimeWindow;
import io.hns.traces.transform.ToRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A trace as a lazy pipeline: where its points come from and the transforms applied, in order.
 * Nothing is read until a pass is opened ({@link #open()}, {@link #stream()}, {@link RateSeries#of},
 * {@link TraceSummary#of}); each pass reads the file again, streaming. A {@code Trace} is immutable:
 * every transform returns a new one.
 *
 * <pre>{@code
 * Trace t = Trace.read(TraceFormat.named("request-log"), TraceInput.of(path), ReaderOptions.DEFAULTS)
 *     .gaps(GapPolicy.ZERO).resample(60_000).scaleToPeak(200).startAt(0).loop(86_400_000);
 * RateSeries load = RateSeries.of(t);   // load.rateAt(ms) in requests per second
 * }</pre>
 */
public final class Trace {
  private final TraceInfo info;
  private final Supplier<PointCursor> opener;
  private final List<String> steps;

  private Trace(TraceInfo info, Supplier<PointCursor> opener, List<String> steps) {
    this.info = Objects.requireNonNull(info, "info");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.steps = List.copyOf(steps);
  }

  /**
   * A trace read from {@code input} in {@code format}. The file is opened once now (to read its
   * header and decide its resolution, so that bad options fail here) and again for each pass.
   */
  public static Trace read(TraceFormat format, TraceInput input, ReaderOptions options) {
    TraceInfo info;
    try (TraceReader r = format.open(input, options)) {
      info = r.info();
    }
    return new Trace(info, () -> format.open(input, options), List.of());
  }

  /** A trace from any source of passes; each call of {@code opener} starts a new pass. */
  public static Trace from(TraceInfo info, Supplier<PointCursor> opener) {
    return new Trace(info, opener, List.of());
  }

  /** A trace of points in memory (strictly increasing times). */
  public static Trace of(TraceInfo info, List<TracePoint> points) {
    List<TracePoint> copy = List.copyOf(points);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).timeMs() <= copy.get(i - 1).timeMs()) {
        throw new IllegalArgumentException("point " + i + " is not after point " + (i - 1));
      }
    }
    return new Trace(info, () -> new AbstractPointCursor() {
      private int i;

      @Override
      protected TracePoint computeNext() {
        return i < copy.size() ? copy.get(i++) : null;
      }

      @Override
      public String position() {
        return info.source();
      }

      @Override
      public void close() {}
    }, List.of());
  }

  /** What the trace is, after the transforms (resolution and kind may have changed). */
  public TraceInfo info() {
    return info;
  }

  /** The transforms applied, in order, as short descriptions ({@code resample 5m}, ...). */
  public List<String> steps() {
    return steps;
  }

  /** Opens a pass over the points; close it (try-with-resources). */
  public PointCursor open() {
    return opener.get();
  }

  /** A pass as a stream; close the stream (try-with-resources) to close the file. */
  public Stream<TracePoint> stream() {
    PointCursor c = open();
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(c, Spliterator.ORDERED | Spliterator.NONNULL), false)
        .onClose(c::close);
  }

  /** This trace with {@code transform} applied after the others. */
  public Trace then(TraceTransform transform) {
    List<String> s = new ArrayList<>(steps);
    s.add(transform.description());
    return new Trace(transform.describe(info), () -> transform.open(this), s);
  }

  /** Keeps {@code from <= time < to} ({@link TimeWindow}; either may be {@code null}). Streaming. */
  public Trace window(TimeBound from, TimeBound to) {
    return then(new TimeWindow(from, to));
  }

  /** Handles gaps by {@code policy} ({@link GapFill}). Streaming. */
  public Trace gaps(GapPolicy policy) {
    return then(new GapFill(policy));
  }

  /** Changes the resolution ({@link Resample}: counts summed, rates averaged). Streaming. */
  public Trace resample(long resolutionMs) {
    return then(new Resample(resolutionMs));
  }

  /** Multiplies the values by {@code factor}. Streaming. */
  public Trace scaleBy(double factor) {
    return then(Scale.by(factor));
  }

  /** Scales to a peak rate of {@code requestsPerSecond}. Reads the input twice. */
  public Trace scaleToPeak(double requestsPerSecond) {
    return then(Scale.toPeak(requestsPerSecond));
  }

  /** Scales to a mean rate of {@code requestsPerSecond}. Reads the input twice. */
  public Trace scaleToMean(double requestsPerSecond) {
    return then(Scale.toMean(requestsPerSecond));
  }

  /** Adds {@code deltaMs} to every time. Streaming. */
  public Trace shiftBy(long deltaMs) {
    return then(TimeShift.by(deltaMs));
  }

  /** Moves the first point to {@code timeMs} (0: times become offsets from the start). Streaming. */
  public Trace startAt(long timeMs) {
    return then(TimeShift.startAt(timeMs));
  }

  /** Repeats (or cuts) to {@code durationMs} from the first point ({@link Loop}). Reads the input once per repetition. */
  public Trace loop(long durationMs) {
    return then(new Loop(durationMs));
  }

  /** Counts per interval become rates per second. Streaming. */
  public Trace toRate() {
    return then(new ToRate());
  }

  /** Shows each point of each pass to {@code observer}. Streaming. */
  public Trace peek(Consumer<TracePoint> observer) {
    return then(new Peek(observer));
  }

  @Override
  public String toString() {
    return info.source() + " (" + info.format() + ")" + (steps.isEmpty() ? "" : " | " + String.join(" | ", steps));
  }
}
