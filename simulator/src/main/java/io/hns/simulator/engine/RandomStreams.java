package io.hns.simulator.engine;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Named random streams, each seeded from (seed, stream name, replication). Components draw only from
 * their own stream, so two policies run with the same seed see the same node boot times and ACI
 * delays (common random numbers), and adding a draw in one component does not shift another's.
 */
public final class RandomStreams {
  private final long seed;
  private final int replication;
  private final Map<String, SplittableRandom> streams = new HashMap<>();

  public RandomStreams(long seed, int replication) {
    this.seed = seed;
    this.replication = replication;
  }

  public long seed() {
    return seed;
  }

  public int replication() {
    return replication;
  }

  public SplittableRandom stream(String name) {
    return streams.computeIfAbsent(name, n -> new SplittableRandom(seedFor(seed, n, replication)));
  }

  static long seedFor(long seed, String name, int replication) {
    return Hashing.murmur3_128()
        .newHasher()
        .putLong(seed)
        .putString(name, StandardCharsets.UTF_8)
        .putInt(replication)
        .hash()
        .asLong();
  }
}
