package io.hns.simulator.cloud;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * With probability {@code tailProbability} a delay uniform in [{@code tailMinMillis},
 * {@code tailMaxMillis}], otherwise a draw from {@code base}. Each sample first draws one uniform to
 * pick the branch, then draws from the branch.
 */
public record TailMixtureLatency(LatencyModel base, double tailProbability, long tailMinMillis, long tailMaxMillis)
    implements LatencyModel {

  public TailMixtureLatency {
    Objects.requireNonNull(base, "base");
    if (!(tailProbability >= 0 && tailProbability <= 1)) {
      throw new IllegalArgumentException("tail probability must be in [0, 1]: " + tailProbability);
    }
    if (tailMinMillis < 0 || tailMaxMillis < tailMinMillis) {
      throw new IllegalArgumentException(
          "need 0 <= tail min <= tail max, got [" + tailMinMillis + ", " + tailMaxMillis + "]");
    }
  }

  @Override
  public long sampleMillis(RandomGenerator random) {
    if (random.nextDouble() < tailProbability) {
      return random.nextLong(tailMinMillis, tailMaxMillis + 1);
    }
    return base.sampleMillis(random);
  }
}
