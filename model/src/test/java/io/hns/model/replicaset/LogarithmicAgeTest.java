package io.hns.model.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** controller_utils.go logarithmicRankDiff: floor(log2(now - t in nanoseconds)), -1 when not positive. */
class LogarithmicAgeTest {
  private static final long NOW = TestPods.NOW;

  private static int bucketAgo(Duration age) {
    return LogarithmicAge.bucket(NOW - age.toMillis(), NOW);
  }

  @Test
  @DisplayName("the research note's examples: 2h is bucket 42, 5h and 8h are both 44")
  void examples() {
    assertThat(bucketAgo(Duration.ofHours(2))).isEqualTo(42); // 7.2e12 ns, log2 = 42.71
    assertThat(bucketAgo(Duration.ofHours(5))).isEqualTo(44); // 1.8e13 ns, log2 = 44.03
    assertThat(bucketAgo(Duration.ofHours(8))).isEqualTo(44); // 2.88e13 ns, log2 = 44.71
  }

  @Test
  @DisplayName("an age of zero or less (t at or after now) is bucket -1")
  void notPositiveIsMinusOne() {
    assertThat(LogarithmicAge.bucket(NOW, NOW)).isEqualTo(-1);
    assertThat(LogarithmicAge.bucket(NOW + 5_000, NOW)).isEqualTo(-1);
  }

  @Test
  @DisplayName("1 ms is 1e6 ns, bucket 19")
  void oneMillisecond() {
    assertThat(LogarithmicAge.bucket(NOW - 1, NOW)).isEqualTo(19);
  }

  @Test
  @DisplayName("powers of two are exact, as Go's Log2 special-cases them")
  void powersOfTwo() {
    for (int k = 0; k < 63; k++) {
      assertThat(LogarithmicAge.bucketOfNanos(1L << k)).isEqualTo(k);
    }
  }

  @Test
  @DisplayName("matches the exact integer floor(log2) away from float rounding at powers of two")
  void agreesWithIntegerLog2() {
    Random random = new Random(42);
    for (int i = 0; i < 10_000; i++) {
      long nanos = (random.nextLong() >>> 1) >>> random.nextInt(40);
      if (nanos <= 0 || nanos >= 1L << 52) {
        continue; // beyond 2^52 float64(d) may round up to the next power of two, as in Go
      }
      assertThat(LogarithmicAge.bucketOfNanos(nanos)).as("bucket of %d", nanos).isEqualTo(63 - Long.numberOfLeadingZeros(nanos));
    }
  }

  @Test
  @DisplayName("like Go, float64(d) just under 2^60 rounds up to 2^60 and lands in bucket 60")
  void followsGoFloatRounding() {
    assertThat(LogarithmicAge.bucketOfNanos((1L << 60) - 1)).isEqualTo(60);
  }

  @Test
  @DisplayName("ages too long for nanoseconds saturate like Go's Duration")
  void saturates() {
    assertThat(LogarithmicAge.ageInNanos(0, Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    assertThat(LogarithmicAge.bucket(0, Long.MAX_VALUE)).isEqualTo(63);
    assertThat(LogarithmicAge.ageInNanos(Long.MAX_VALUE, 0)).isEqualTo(Long.MIN_VALUE);
  }
}
