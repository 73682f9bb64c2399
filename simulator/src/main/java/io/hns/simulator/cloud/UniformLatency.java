package io.hns.simulator.cloud;

import java.util.random.RandomGenerator;

/** A delay uniform on whole milliseconds in [{@code minMillis}, {@code maxMillis}], both included. */
public record UniformLatency(long minMillis, long maxMillis) implements LatencyModel {
  public UniformLatency {
    if (minMillis < 0 || maxMillis < minMillis) {
      throw new IllegalArgumentException("need 0 <= min <= max, got [" + minMillis + ", " + maxMillis + "]");
    }
  }

  @Override
  public long sampleMillis(RandomGenerator random) {
    return minMillis == maxMillis ? minMillis : random.nextLong(minMillis, maxMillis + 1);
  }
}
