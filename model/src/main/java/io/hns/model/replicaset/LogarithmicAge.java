package io.hns.model.replicaset;

/**
 * The LogarithmicScaleDown bucket of a timestamp: {@code floor(log2(now - t))} with the age in
 * nanoseconds, -1 when the age is not positive ({@code logarithmicRankDiff} in k8s
 * pkg/controller/controller_utils.go). Pods whose ages fall in the same power-of-two bucket count
 * as equally old, so scale-down picks among them by UID rather than always the newest.
 */
public final class LogarithmicAge {
  private static final long NANOS_PER_MILLI = 1_000_000L;
  /** Go's math.Log2E (1/Ln2, rounded once to a double). */
  private static final double LOG2_E = 1.44269504088896340735992468100189214;

  private LogarithmicAge() {}

  /** The bucket of {@code time} seen at {@code now}, both epoch milliseconds and set. */
  public static int bucket(long time, long now) {
    return bucketOfNanos(ageInNanos(time, now));
  }

  /** {@code now.Sub(t)}: Go's Duration saturates instead of overflowing, and so does this. */
  static long ageInNanos(long time, long now) {
    long millis;
    try {
      millis = Math.subtractExact(now, time);
    } catch (ArithmeticException e) {
      return now > time ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
    if (millis > Long.MAX_VALUE / NANOS_PER_MILLI) {
      return Long.MAX_VALUE;
    }
    if (millis < Long.MIN_VALUE / NANOS_PER_MILLI) {
      return Long.MIN_VALUE;
    }
    return millis * NANOS_PER_MILLI;
  }

  /**
   * {@code int64(math.Log2(float64(d)))}. Go computes it in floating point, which can round a
   * duration a few nanoseconds short of a power of two up into the next bucket; this follows Go's
   * steps (frexp, exact result for powers of two, otherwise log(frac)/ln2 + exp) so buckets agree
   * with the controller's even there.
   */
  static int bucketOfNanos(long nanos) {
    if (nanos <= 0) {
      return -1;
    }
    double x = nanos;
    int exp = Math.getExponent(x) + 1; // frexp: x = frac * 2^exp with frac in [0.5, 1)
    double frac = Math.scalb(x, -exp);
    if (frac == 0.5) {
      return exp - 1;
    }
    return (int) (StrictMath.log(frac) * LOG2_E + exp);
  }
}
