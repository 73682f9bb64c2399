package io.hns.live.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.hns.live.config.LiveConfig;
import io.hns.model.policy.BurstBackfillPolicy;
import io.hns.model.policy.OverprovisionPolicy;
import io.hns.model.policy.PolicyCatalog;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** hns live runs the model's policies, with the model's parameter checks and the live-only ones. */
class LivePoliciesTest {
  private static LiveConfig config(String yaml) throws Exception {
    return LiveConfig.parse("cfg.yaml", new ObjectMapper(new YAMLFactory()).readTree(yaml), Set.of("web"), null);
  }

  @Test
  @DisplayName("every policy of the model's catalog runs live: its placement, and its loop as the model's own class")
  void everyCatalogPolicy() throws Exception {
    assertThat(LivePolicies.names()).isEqualTo(PolicyCatalog.NAMES);
    for (String name : PolicyCatalog.NAMES) {
      String params = name.equals("overprovision") ? "policy: {namespace: web, fraction: 0.2}" : "{}";
      LivePolicy p = LivePolicies.create(name, config(params));
      assertThat(p.name()).isEqualTo(name);
      assertThat(p.spec().placement().name()).isEqualTo(PolicyCatalog.named(name, p.spec().parameters()).placement().name());
      switch (name) {
        case "burst-backfill" -> {
          assertThat(p.loop()).isInstanceOf(BurstBackfillPolicy.class);
          assertThat(p.period()).isEqualTo(Duration.ofSeconds(10)); // the model's default period
        }
        case "overprovision" -> assertThat(p.loop()).isInstanceOf(OverprovisionPolicy.class);
        default -> {
          assertThat(p.loop()).isNull();
          assertThat(p.period()).isEqualTo(Duration.ofSeconds(30)); // placement.period
        }
      }
    }
    assertThat(LivePolicies.create("burst", config("placement: {period: 5s}")).period()).isEqualTo(Duration.ofSeconds(5));
    assertThat(LivePolicies.create("burst-backfill", config("policy: {period: 2s}")).period()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  @DisplayName("parameters are the model's: an unknown key, a wrong type or a parameter of a policy that takes none is an error naming it")
  void modelValidatesParameters() {
    assertThatThrownBy(() -> LivePolicies.create("burst-backfill", config("policy: {maxMoves: 3}")))
        .hasMessageStartingWith("cfg.yaml: policy: policy burst-backfill has no parameter \"maxMoves\" (known: ")
        .hasMessageContaining("maxMovesPerPeriod");
    assertThatThrownBy(() -> LivePolicies.create("burst-backfill", config("policy: {maxMovesPerPeriod: many}")))
        .hasMessage("cfg.yaml: policy: policy burst-backfill parameter maxMovesPerPeriod: expected an integer, got \"many\"");
    assertThatThrownBy(() -> LivePolicies.create("burst", config("policy: {period: 10s}")))
        .hasMessage("cfg.yaml: policy: policy burst has no parameter \"period\" (it takes none)");
    assertThatThrownBy(() -> LivePolicies.create("nope", config("{}"))).hasMessageContaining("unknown policy \"nope\"")
        .hasMessageContaining("burst-backfill");
  }

  @Test
  @DisplayName("live-only checks: placeholders in an allowed namespace, and a node group only where agentPools give one")
  void liveChecks() {
    assertThatThrownBy(() -> LivePolicies.create("overprovision", config("policy: {fraction: 0.2}")))
        .hasMessageContaining("policy.namespace: placeholders would go to hns-system, which is not one of the allowed namespaces");
    assertThatThrownBy(() -> LivePolicies.create("overprovision", config("policy: {namespace: web, nodes: 1}")))
        .hasMessageContaining("set policy.fraction, or configure agentPools");
    assertThatThrownBy(() -> LivePolicies.create("burst-backfill", config("policy: {mode: node-pool}")))
        .hasMessageContaining("policy.mode: node-pool grows a node group");
  }
}
