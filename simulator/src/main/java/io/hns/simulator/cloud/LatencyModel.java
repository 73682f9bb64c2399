package io.hns.simulator.cloud;

import java.util.random.RandomGenerator;

/**
 * A distribution of delays in milliseconds. Implementations draw randomness only from the
 * generator they are given, so a run is reproducible from its seed; they keep no mutable state.
 */
@FunctionalInterface
public interface LatencyModel {
  /** One delay in milliseconds, never negative. */
  long sampleMillis(RandomGenerator random);
}
