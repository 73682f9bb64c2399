package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.hns.model.port.NodeGroupException;
import org.junit.jupiter.api.Test;

class ArmThrottleTest {
  @Test
  void twentyBurstThenThrottledWithRetryAfter() throws Exception {
    ArmThrottle t = ArmThrottle.aksAgentPoolPut();
    for (int i = 0; i < 20; i++) {
      t.acquire("agentpool", 1_000);
    }
    NodeGroupException e = catchThrowableOfType(NodeGroupException.class, () -> t.acquire("agentpool", 1_000));
    assertThat(e.code()).isEqualTo("Throttled");
    assertThat(e.errorClass()).isEqualTo(NodeGroupException.ErrorClass.OTHER);
    assertThat(e.getMessage()).contains("429").endsWith("Retry-After: 60");
    assertThat(ArmThrottle.retryAfterSeconds(e)).isEqualTo(60);
    // Buckets are per agent pool.
    assertThat(t.tryAcquire("userpool", 1_000)).isTrue();
  }

  @Test
  void refillsOneTokenPerMinuteFromTheFirstTake() {
    ArmThrottle t = ArmThrottle.aksAgentPoolPut();
    for (int i = 0; i < 20; i++) {
      assertThat(t.tryAcquire("p", 10_000)).isTrue();
    }
    assertThat(t.tryAcquire("p", 10_000)).isFalse();
    assertThat(t.retryAfterSeconds("p", 10_000)).isEqualTo(60);
    assertThat(t.retryAfterSeconds("p", 45_500)).isEqualTo(25); // 24.5 s rounded up
    assertThat(t.tryAcquire("p", 69_999)).isFalse();
    assertThat(t.tryAcquire("p", 70_000)).isTrue(); // exactly one interval after the first take
    assertThat(t.tryAcquire("p", 70_000)).isFalse();
    assertThat(t.millisUntilToken("p", 70_000)).isEqualTo(60_000);
    // Two intervals later, two tokens.
    assertThat(t.availableTokens("p", 190_000)).isEqualTo(2);
    // Long idle refills to the bucket size, no more.
    assertThat(t.availableTokens("p", 10_000_000)).isEqualTo(20);
  }

  @Test
  void fullBucketDoesNotBankTime() {
    ArmThrottle t = new ArmThrottle(2, 1_000);
    assertThat(t.tryAcquire("p", 0)).isTrue();
    assertThat(t.tryAcquire("p", 0)).isTrue();
    assertThat(t.availableTokens("p", 5_500)).isEqualTo(2); // full again
    assertThat(t.tryAcquire("p", 5_500)).isTrue();
    assertThat(t.tryAcquire("p", 5_500)).isTrue();
    assertThat(t.tryAcquire("p", 6_499)).isFalse(); // idle time while full gave nothing extra
    assertThat(t.tryAcquire("p", 6_500)).isTrue();
  }
}
