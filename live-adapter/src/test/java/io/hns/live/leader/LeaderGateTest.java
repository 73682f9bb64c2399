package io.hns.live.leader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class LeaderGateTest {
  KubernetesClient client;

  private LeaderGate gate(String identity) {
    return new LeaderGate(client, "web", "hns-live", identity, Duration.ofSeconds(2), Duration.ofMillis(1500),
        Duration.ofMillis(200), () -> {});
  }

  @Test
  @DisplayName("two replicas on one Lease: exactly one leads, never both; the other takes over when it leaves")
  void onlyOneLeads() {
    AtomicBoolean both = new AtomicBoolean();
    try (LeaderGate a = gate("replica-a"); LeaderGate b = gate("replica-b")) {
      a.start();
      b.start();
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> {
        if (a.getAsBoolean() && b.getAsBoolean()) both.set(true);
        return a.getAsBoolean() ^ b.getAsBoolean();
      });
      // Hold for a few renewals: leadership stays with one.
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
        if (a.getAsBoolean() && b.getAsBoolean()) both.set(true);
        return a.getAsBoolean() ^ b.getAsBoolean();
      });
      LeaderGate leader = a.getAsBoolean() ? a : b;
      LeaderGate follower = leader == a ? b : a;
      String holder = client.leases().inNamespace("web").withName("hns-live").get().getSpec().getHolderIdentity();
      assertThat(holder).isEqualTo(leader.identity());

      leader.close();
      await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(follower::getAsBoolean);
      assertThat(leader.getAsBoolean()).isFalse();
    }
    assertThat(both).isFalse();
  }
}
