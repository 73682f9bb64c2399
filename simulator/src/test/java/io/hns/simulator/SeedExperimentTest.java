package io.hns.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.simulator.output.PodRecord;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded seed scenario reproduces the article "AKS Scaling to Virtual Nodes" (2021): one
 * DS2_v2 node with the AKS 1.19 system pods, the virtual node, nginx-vn scaled 1 -> 20 -> 2.
 */
class SeedExperimentTest {
  static RunResult run;

  @BeforeAll
  static void runSeed() {
    CompiledScenario seed = ScenarioCompiler.load(ScenarioSource.of("builtin:seed"));
    run = Simulation.run(seed, Simulation.Options.quiet());
  }

  static List<PodRecord> nginx() {
    return run.pods().stream().filter(p -> p.workload().equals("nginx-vn")).toList();
  }

  @Test
  void singleReplicaRunsOnTheVmNode() {
    List<PodRecord> first = nginx().stream().filter(p -> p.created() == 300_000).toList();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).nodeKind()).isEqualTo("vm");
  }

  @Test
  void twentyReplicasPutThreeOnTheVmNodeAndSeventeenOnTheVirtualNode() {
    // Pods alive just before the scale-down at t=900 s.
    List<PodRecord> alive = nginx().stream()
        .filter(p -> p.created() <= 900_000 && (p.deleted() < 0 || p.deleted() >= 900_000)).toList();
    assertThat(alive).hasSize(20);
    assertThat(alive.stream().filter(p -> p.nodeKind().equals("vm"))).hasSize(3);
    assertThat(alive.stream().filter(p -> p.nodeKind().equals("virtual"))).hasSize(17);
  }

  @Test
  void scalingToTwoKeepsBothSurvivorsOnTheVmNode() {
    // ActivePodsWithRanks: the 17 pods on the virtual node (rank 17) go first, then the VM pod
    // that became ready last (pkg/controller/controller_utils.go).
    List<PodRecord> survivors = nginx().stream().filter(p -> p.deleted() < 0).toList();
    assertThat(survivors).hasSize(2).allMatch(p -> p.nodeKind().equals("vm"));
  }

  @Test
  void firstVirtualNodePodRunsAfterRoughlyEightySeconds() {
    PodRecord hello = run.pods().stream().filter(p -> p.workload().equals("helloworld-vn")).findFirst().orElseThrow();
    assertThat(hello.nodeKind()).isEqualTo("virtual");
    double seconds = (hello.running() - hello.created()) / 1000.0;
    assertThat(seconds).isBetween(60.0, 100.0);
  }

  @Test
  void virtualNodePodsReportProviderCreateSuccess() {
    assertThat(run.eventsByReason().get("ProviderCreateSuccess")).isEqualTo(18); // helloworld-vn + 17 nginx-vn
    assertThat(run.eventsByReason()).doesNotContainKey("ProviderCreateFailed");
  }
}
