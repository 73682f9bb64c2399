package io.hns.live.arm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ArmThrottleTest {
  @Test
  @DisplayName("20 writes at once, then one per minute")
  void burstThenOnePerMinute() {
    ArmThrottle t = ArmThrottle.aks(0);
    for (int i = 0; i < 20; i++) {
      assertThat(t.tryAcquire(0)).as("write %d", i).isTrue();
    }
    assertThat(t.tryAcquire(0)).isFalse();
    assertThat(t.nextAllowed(0)).isEqualTo(60_000);
    assertThat(t.tryAcquire(59_999)).isFalse();
    assertThat(t.tryAcquire(60_000)).isTrue();
    assertThat(t.tryAcquire(60_001)).isFalse();
  }

  @Test
  @DisplayName("Retry-After blocks until its time even with tokens left")
  void retryAfterBlocks() {
    ArmThrottle t = ArmThrottle.aks(0);
    t.blockUntil(30_000);
    assertThat(t.tryAcquire(29_999)).isFalse();
    assertThat(t.nextAllowed(0)).isEqualTo(60_000); // the bucket is empty too
  }

  @Test
  @DisplayName("Retry-After in seconds or as an HTTP date")
  void parsesRetryAfter() {
    assertThat(AgentPoolApiException.parseRetryAfter("120", 0).getSeconds()).isEqualTo(120);
    assertThat(AgentPoolApiException.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT",
        java.time.Instant.parse("2015-10-21T07:27:00Z").toEpochMilli()).getSeconds()).isEqualTo(60);
    assertThat(AgentPoolApiException.parseRetryAfter("soon", 0)).isNull();
  }
}
