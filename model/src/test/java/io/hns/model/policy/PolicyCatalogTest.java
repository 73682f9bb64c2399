package io.hns.model.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.PodSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyCatalogTest {
  @Test
  void placementPoliciesHaveNoLoop() {
    assertThat(PolicyCatalog.named("burst", Map.of()).hasLoop()).isFalse();
    assertThat(PolicyCatalog.named("burst-backfill", Map.of()).hasLoop()).isTrue();
    assertThat(PolicyCatalog.named("overprovision", Map.of("nodes", 2)).newLoop()).isInstanceOf(OverprovisionPolicy.class);
  }

  @Test
  void eachRunGetsItsOwnLoop() {
    PolicySpec spec = PolicyCatalog.named("burst-backfill", Map.of());
    assertThat(spec.newLoop()).isNotSameAs(spec.newLoop());
  }

  @Test
  void unknownPolicyAndParametersAreNamed() {
    assertThatThrownBy(() -> PolicyCatalog.named("cheapest", Map.of())).hasMessageContaining("unknown policy \"cheapest\"")
        .hasMessageContaining("burst-backfill");
    assertThatThrownBy(() -> PolicyCatalog.named("burst-backfill", Map.of("maxMoves", 3)))
        .hasMessageContaining("no parameter \"maxMoves\"").hasMessageContaining("maxMovesPerPeriod");
    assertThatThrownBy(() -> PolicyCatalog.named("burst-backfill", Map.of("placeholderPriority", -20)))
        .hasMessageContaining("outside [-9, -1]");
    assertThatThrownBy(() -> PolicyCatalog.named("burst", Map.of("x", 1))).hasMessageContaining("takes none");
  }

  @Test
  void burstAddsTheTolerationAndTheVmPreference() {
    PodSpec spec = PlacementPolicies.BURST.apply(PodSpec.builder().requests(100, 1).build());
    assertThat(VirtualNodeTerms.toleratesVirtualNode(spec)).isTrue();
    assertThat(spec.preferredAffinity()).singleElement().satisfies(p -> assertThat(p.term()).isEqualTo(VirtualNodeTerms.NOT_VIRTUAL));
  }

  @Test
  void vmssOnlyRemovesEveryWayToTheVirtualNode() {
    PodSpec aci = PlacementPolicies.ACI_ONLY.apply(PodSpec.builder().build());
    assertThat(aci.nodeSelector()).containsEntry(Node.VIRTUAL_KUBELET_TYPE_LABEL, Node.VIRTUAL_KUBELET_TYPE);
    PodSpec vm = PlacementPolicies.VMSS_ONLY.apply(aci);
    assertThat(VirtualNodeTerms.toleratesVirtualNode(vm)).isFalse();
    assertThat(vm.nodeSelector()).doesNotContainKey(Node.VIRTUAL_KUBELET_TYPE_LABEL);
  }

  @Test
  void backfillPlacementSpreadsExplicitlyByZoneOverTheWorkloadsOwnPods() {
    PodSpec spec = PlacementPolicies.BURST_SPREAD_BY_ZONE.apply(PodSpec.builder().build(), Labels.of("app", "web"));
    assertThat(spec.spreadConstraints()).singleElement().satisfies(c -> {
      assertThat(c.topologyKey()).isEqualTo(Node.ZONE_LABEL);
      assertThat(c.scheduleAnyway()).isTrue();
      assertThat(c.selector().matches(Labels.of("app", "web"))).isTrue();
    });
  }
}
