package io.hns.simulator.cloud;

import java.util.random.RandomGenerator;

/** Always the same delay; draws nothing from the generator. */
public record FixedLatency(long millis) implements LatencyModel {
  public static final FixedLatency ZERO = new FixedLatency(0);

  public FixedLatency {
    if (millis < 0) {
      throw new IllegalArgumentException("latency must not be negative: " + millis);
    }
  }

  public static FixedLatency seconds(long s) {
    return new FixedLatency(s * 1000L);
  }

  @Override
  public long sampleMillis(RandomGenerator random) {
    return millis;
  }
}
