package io.hns.traces.transform;

import io.hns.traces.PointCursor;
import io.hns.traces.Trace;
import io.hns.traces.TraceException;
import io.hns.traces.TraceInfo;
import io.hns.traces.TracePoint;
import io.hns.traces.TraceTransform;

/**
 * Multiplies every value by a factor: a given one ({@link #by}), or the one that makes the peak
 * rate ({@link #toPeak}) or the mean rate ({@link #toMean}) equal a target in requests per second
 * (values of count traces are converted to rates over their interval first). The mean is over the
 * points present (gaps left out). A target needs a first pass over the input to measure it, so the
 * input is read twice (the factor is then remembered for later passes over the same input).
 */
public final class Scale implements TraceTransform {
  private enum Target { FACTOR, PEAK, MEAN }

  private final Target target;
  private final double amount;
  private Trace measuredInput;
  private double measuredFactor;

  private Scale(Target target, double amount) {
    if (!(amount >= 0) || Double.isInfinite(amount)) {
      throw new TraceException("a scale " + (target == Target.FACTOR ? "factor" : "target") + " must be a finite"
          + " non-negative number, got " + amount);
    }
    this.target = target;
    this.amount = amount;
  }

  /** Multiplies by {@code factor}. Streaming. */
  public static Scale by(double factor) {
    return new Scale(Target.FACTOR, factor);
  }

  /** Scales so that the highest rate is {@code requestsPerSecond}. Two passes. */
  public static Scale toPeak(double requestsPerSecond) {
    return new Scale(Target.PEAK, requestsPerSecond);
  }

  /** Scales so that the mean rate is {@code requestsPerSecond}. Two passes. */
  public static Scale toMean(double requestsPerSecond) {
    return new Scale(Target.MEAN, requestsPerSecond);
  }

  @Override
  public PointCursor open(Trace input) {
    double factor = factor(input);
    return new UpstreamCursor(input.open()) {
      @Override
      protected TracePoint computeNext() {
        TracePoint p = pull();
        return p == null ? null : p.withValue(p.value() * factor);
      }
    };
  }

  /** The factor applied to {@code input}: measured by a first pass for a peak or mean target. */
  public synchronized double factor(Trace input) {
    if (target == Target.FACTOR) {
      return amount;
    }
    if (measuredInput == input) {
      return measuredFactor;
    }
    TraceInfo info = input.info();
    double max = 0;
    double sum = 0;
    long n = 0;
    try (PointCursor c = input.open()) {
      while (c.hasNext()) {
        double r = info.kind().toRate(c.next().value(), info.resolutionMs());
        max = Math.max(max, r);
        sum += r;
        n++;
      }
    }
    double measured = target == Target.PEAK ? max : n == 0 ? 0 : sum / n;
    if (measured == 0) {
      throw new TraceException(info.source() + ": cannot scale to a " + (target == Target.PEAK ? "peak" : "mean")
          + " of " + amount + " requests/s: the trace's " + (target == Target.PEAK ? "peak" : "mean") + " is 0");
    }
    measuredInput = input;
    measuredFactor = amount / measured;
    return measuredFactor;
  }

  @Override
  public String description() {
    return switch (target) {
      case FACTOR -> "scale x" + amount;
      case PEAK -> "scale to peak " + amount + "/s";
      case MEAN -> "scale to mean " + amount + "/s";
    };
  }
}
