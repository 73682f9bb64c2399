package io.hns.live.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LiveConfigTest {
  private static LiveConfig parse(String yaml, String subscription) throws Exception {
    return LiveConfig.parse("cfg.yaml", new ObjectMapper(new YAMLFactory()).readTree(yaml), Set.of("web"), subscription);
  }

  @Test
  @DisplayName("defaults: dry-run friendly bounds, 60 s guard, leader election on, placeholders removed on shutdown")
  void defaults() {
    LiveConfig c = LiveConfig.defaults(Set.of("web"));
    assertThat(c.bounds().namespaces()).containsExactly("web");
    assertThat(c.bounds().maxPodsMovedPerMinute()).isEqualTo(10);
    assertThat(c.expectationTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.leaderElection()).isTrue();
    assertThat(c.deletePlaceholdersOnShutdown()).isTrue();
    assertThat(c.agentPools()).isEmpty();
  }

  @Test
  @DisplayName("errors name the file and key path: unknown keys, wrong types, a pool without a subscription")
  void errorsNameTheKey() {
    assertThatThrownBy(() -> parse("guard: {expectationTimeout: soon}", null))
        .hasMessage("cfg.yaml: guard.expectationTimeout: \"soon\" is not a positive duration (500ms, 10s, 5m, 1h30m)");
    assertThatThrownBy(() -> parse("bounds: {maxNodesAdded: -1}", null)).hasMessage("cfg.yaml: bounds.maxNodesAdded: must be at least 0");
    assertThatThrownBy(() -> parse("agentPools: [{resourceGroup: rg, cluster: aks, pool: np}]", null))
        .hasMessageContaining("agentPools[0].subscriptionId: missing");
    assertThatThrownBy(() -> parse("leaderElection: {leaseDuration: 5s, renewDeadline: 5s}", null))
        .hasMessageContaining("renewDeadline: must be shorter than leaseDuration");
  }

  @Test
  @DisplayName("an agent pool takes its subscription from AZURE_SUBSCRIPTION_ID when the file names none")
  void poolSubscriptionFromEnvironment() throws Exception {
    LiveConfig c = parse("agentPools: [{resourceGroup: rg, cluster: aks, pool: np, maxCount: 7}]", "sub-9");
    assertThat(c.agentPools()).singleElement().satisfies(p -> {
      assertThat(p.subscriptionId()).isEqualTo("sub-9");
      assertThat(p.maxCount()).isEqualTo(7);
      assertThat(p.coalesceWindow()).isEqualTo(Duration.ofSeconds(10));
    });
  }

  @Test
  @DisplayName("durations: 500ms, 10s, 5m, 1h30m, bare seconds")
  void durations() {
    assertThat(ConfigNode.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(ConfigNode.parseDuration("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(ConfigNode.parseDuration("2.5")).isEqualTo(Duration.ofMillis(2500));
    assertThat(ConfigNode.parseDuration("5 m")).isNull();
  }
}
