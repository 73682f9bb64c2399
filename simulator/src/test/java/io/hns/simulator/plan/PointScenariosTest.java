package io.hns.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.Scenario;
import io.hns.simulator.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each axis reaches the compiled scenario, and a value the scenario refuses is named with its point. */
class PointScenariosTest {
  @TempDir Path dir;
  private PointScenarios base;

  @BeforeEach
  void writeBase() throws Exception {
    Files.writeString(dir.resolve("web.yaml"), Files.readString(TestSweeps.SCENARIOS.resolve("web.yaml")));
    Files.writeString(dir.resolve("base.yaml"), """
        name: base
        duration: 30m
        policy: burst
        cluster:
          nodePools:
            - {name: userpool, vmSize: Standard_D4s_v3, count: 2, minCount: 2, maxCount: 10}
            - name: spot
              count: 0
              minCount: 0
              maxCount: 3
              bootLatency: {median: 60s, p90: 90s}
          autoscaler: {enabled: true}
        manifests:
          - file: web.yaml
        load:
          workload: web
          podCapacity: 50
          steps:
            - {at: 0s, rate: 100}
            - {at: 10m, rate: 900}
        """);
    base = PointScenarios.of(ScenarioSource.of(dir.resolve("base.yaml").toString()));
  }

  private SweepPoint point(String yaml) {
    return SweepLoader.parse("sweep.yaml", "base: base.yaml\npoints:\n  - " + yaml + "\n").point(1);
  }

  @Test
  void policyAndFirstPoolFields() {
    CompiledScenario c = base.compile(point("{policy: vmss-only, vmSize: Standard_D8s_v3, count: 3, minCount: 1, maxCount: 20, maxPods: 50}"));
    assertThat(c.policy().name()).isEqualTo("vmss-only");
    assertThat(c.pools().get(0).vmSize().name()).isEqualTo("Standard_D8s_v3");
    assertThat(c.pools().get(0).initialCount()).isEqualTo(3);
    assertThat(c.pools().get(0).minSize()).isEqualTo(1);
    assertThat(c.pools().get(0).maxSize()).isEqualTo(20);
    assertThat(c.pools().get(0).maxPods()).isEqualTo(50);
    assertThat(c.pools().get(1).maxSize()).isEqualTo(3);
  }

  @Test
  void namedPoolFields() {
    CompiledScenario c = base.compile(point("{nodePools.spot.maxCount: 7}"));
    assertThat(c.pools().get(1).maxSize()).isEqualTo(7);
    assertThat(c.pools().get(0).maxSize()).isEqualTo(10);
    assertThatThrownBy(() -> base.compile(point("{nodePools.gpu.maxCount: 7}")))
        .hasMessageContaining("point 1 (nodePools.gpu.maxCount=7)")
        .hasMessageContaining("no node pool named \"gpu\" (pools: userpool, spot)");
  }

  @Test
  void aciQuotasAndDuration() {
    CompiledScenario c = base.compile(point("{aciContainerGroupQuota: 7, aciCoreQuota: 12, duration: 15m}"));
    assertThat(c.virtualNode().aci().containerGroupLimit()).isEqualTo(7);
    assertThat(c.virtualNode().aci().standardCoresLimitMilli()).isEqualTo(12_000);
    assertThat(c.durationMs()).isEqualTo(15 * 60_000);
  }

  @Test
  void bootLatencyMedianMovesP90AlongAndWritesOutTheDefault() {
    Scenario s = base.scenario(point("{bootLatencyMedian: 3m}"));
    Scenario.LatencySpec userpool = s.cluster().nodePools().get(0).bootLatency();
    // The default model (median 53 s, p90 67 s, 1 % tail of 2 to 15 min) with the new median.
    assertThat(userpool.median().millis()).isEqualTo(180_000);
    assertThat(userpool.p90().millis()).isEqualTo(Math.round(67_000 * 180_000.0 / 53_000));
    assertThat(userpool.tailProbability()).isEqualTo(0.01);
    assertThat(userpool.tailMin().millis()).isEqualTo(120_000);
    Scenario.LatencySpec spot = s.cluster().nodePools().get(1).bootLatency();
    assertThat(spot.median().millis()).isEqualTo(180_000);
    assertThat(spot.p90().millis()).isEqualTo(270_000);
    base.compile(point("{bootLatencyMedian: 3m}"));
  }

  @Test
  void aciStartLatencyMedian() {
    Scenario s = base.scenario(point("{aciStartLatencyMedian: 50s}"));
    assertThat(s.cluster().virtualNode().aci().startLatency().median().millis()).isEqualTo(50_000);
    assertThat(s.cluster().virtualNode().aci().startLatency().p90().millis()).isEqualTo(90_000);
    assertThat(base.compile(point("{aciStartLatencyMedian: 50s}")).virtualNode().aci().baseStart().toString())
        .contains("median 50000 ms");
  }

  @Test
  void loadScaleMultipliesEveryRate() {
    Scenario s = base.scenario(point("{loadScale: 1.5}"));
    assertThat(s.load().get(0).steps().stream().map(Scenario.StepSpec::rate).toList()).containsExactly(150.0, 1350.0);
  }

  @Test
  void scenarioPathSetsAnyKeyAndTheScenarioNamesAWrongOne() {
    CompiledScenario c = base.compile(point("{scenario.cluster.autoscaler.scanInterval: 30s, scenario.cluster.nodePools.1.maxPods: 40}"));
    assertThat(c.autoscaler().config().scanInterval()).isEqualTo(java.time.Duration.ofSeconds(30));
    assertThat(c.pools().get(1).maxPods()).isEqualTo(40);
    assertThatThrownBy(() -> base.compile(point("{scenario.cluster.autoscaler.scanEvery: 30s}")))
        .hasMessageContaining("point 1 (scenario.cluster.autoscaler.scanEvery=30s)")
        .hasMessageContaining("unknown key \"scanEvery\"")
        .hasMessageContaining("scanInterval");
  }

  @Test
  void aValueTheScenarioRefusesIsNamedWithItsPointAndKey() {
    assertThatThrownBy(() -> base.compile(point("{policy: vmss-only, maxCount: 1}")))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("point 1 (policy=vmss-only, maxCount=1)")
        .hasMessageContaining("cluster.nodePools[0].minCount: minCount 2 exceeds maxCount 1");
    assertThatThrownBy(() -> base.compile(point("{policy: cheapest}")))
        .hasMessageContaining("policy: unknown policy \"cheapest\"");
  }

  @Test
  void headroomIsTheOverprovisionPolicysNodesParameter() {
    assertThat(base.compile(point("{policy: overprovision, headroom: 2}")).policy().parameters()).containsEntry("nodes", 2);
    // Another policy has no such parameter: the scenario compiler names it.
    assertThatThrownBy(() -> base.compile(point("{policy: burst, headroom: 2}")))
        .hasMessageContaining("policy burst has no parameter \"nodes\"");
  }

  @Test
  void theBaseIsUntouchedBetweenPoints() {
    base.compile(point("{maxCount: 20}"));
    assertThat(base.compile(point("{policy: burst}")).pools().get(0).maxSize()).isEqualTo(10);
  }
}
