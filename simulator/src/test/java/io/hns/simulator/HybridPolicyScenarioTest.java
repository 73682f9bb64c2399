package io.hns.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.policy.PolicyCatalog;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.Scenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioLoader;
import io.hns.simulator.scenario.ScenarioSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hybrid policies on a sustained load step with HPA and the cluster autoscaler: the burst
 * pitfall (pods on ACI never trigger a VMSS scale-up), and the policies that fix it.
 */
class HybridPolicyScenarioTest {
  static final Path STEP = Path.of("src/test/resources/scenarios/hybrid/step.yaml");

  static CompiledScenario scenario(String policy) {
    CompiledScenario s = ScenarioCompiler.load(ScenarioSource.of(STEP.toString()));
    return s.withPolicy(PolicyCatalog.named(policy, Map.of()));
  }

  static RunResult run(String policy) {
    return Simulation.run(scenario(policy), Simulation.Options.quiet());
  }

  @Test
  void burstLeavesPodsOnAciAndNeverTriggersAScaleUp() {
    RunResult r = run("burst");
    // CA acts on unschedulable pods only (static_autoscaler.go); a tolerating pod always fits the
    // virtual node, so the VMSS stays at its 2 nodes while ACI carries the overflow.
    assertThat(r.eventsByReason()).doesNotContainKey("TriggeredScaleUp");
    assertThat(r.nodes().stream().filter(n -> n.kind().equals("vm"))).hasSize(2);
    assertThat(r.aciPodSeconds()).isGreaterThan(10_000);
  }

  @Test
  void vmssOnlyScalesTheVmssUp() {
    RunResult r = run("vmss-only");
    assertThat(r.eventsByReason()).containsKey("TriggeredScaleUp");
    assertThat(r.nodes().stream().filter(n -> n.kind().equals("vm")).count()).isGreaterThan(2);
    assertThat(r.aciPodSeconds()).isZero();
  }

  @Test
  void burstBackfillCutsAciPodSecondsWithNoWorseUnservedDemand() {
    RunResult burst = run("burst");
    RunResult backfill = run("burst-backfill");
    assertThat(backfill.aciPodSeconds()).isLessThan(burst.aciPodSeconds() * 0.2);
    assertThat(backfill.unservedRequests()).isLessThanOrEqualTo(burst.unservedRequests());
    // Why: placeholders made the autoscaler grow the VMSS, and pods were evicted off ACI.
    assertThat(backfill.eventsByReason()).containsKeys("TriggeredScaleUp", "Evicted");
    // It moves pods without churning them back to ACI.
    assertThat(backfill.eventsByReason().get("Evicted")).isLessThan(60);
  }

  @Test
  void burstBackfillRespectsPodDisruptionBudgets() throws Exception {
    Scenario parsed = ScenarioLoader.load(ScenarioSource.of(STEP.toString()));
    List<Scenario.ManifestRef> manifests = new ArrayList<>(parsed.manifests());
    manifests.add(new Scenario.ManifestRef("pdb.yaml", null));
    Scenario withPdb = new Scenario(parsed.name(), parsed.description(), parsed.seed(), parsed.duration(),
        parsed.timelineStep(), "burst-backfill", parsed.policyParameters(), parsed.scheduler(), parsed.cluster(),
        parsed.kubelet(), manifests, parsed.load(), parsed.actions());
    RunResult r = Simulation.run(ScenarioCompiler.compile(withPdb, ScenarioSource.of(STEP.toString())),
        Simulation.Options.quiet());
    // maxUnavailable 0: the Eviction API refuses every move (disruption.go), so nothing is evicted.
    assertThat(r.eventsByReason()).doesNotContainKey("Evicted");
  }

  @Test
  void overprovisionKeepsWarmHeadroomThatRealPodsPreempt() {
    RunResult r = run("overprovision");
    // Placeholders hold one node's worth of room; the burst preempts them (DefaultPreemption) and
    // the displaced placeholders make the autoscaler add nodes behind it.
    assertThat(r.eventsByReason()).containsKeys("Preempted", "TriggeredScaleUp");
    assertThat(r.pods().stream().filter(p -> p.pod().startsWith("hns-overprovision-"))).isNotEmpty();
    assertThat(r.aciPodSeconds()).isZero();
  }
}
