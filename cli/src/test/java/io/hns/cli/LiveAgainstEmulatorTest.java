package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hns.emulator.Emulator;
import io.hns.live.Decision;
import io.hns.live.config.LiveConfig;
import io.hns.live.policy.LivePolicies;
import io.hns.live.run.Clients;
import io.hns.live.run.LiveRunner;
import io.hns.model.policy.Placeholders;
import io.hns.model.policy.PolicyCatalog;
import io.hns.simulator.Simulation;
import io.hns.simulator.output.PodRecord;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.FileInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6's last test: the live adapter runs burst-backfill with --apply against the emulator, and
 * the emulated cluster ends as the simulator predicts for the same scenario. Everything the live
 * adapter does goes through fabric8 and the emulator's HTTP API (informers and watches, the Lease
 * of leader election, JSON merge patches of the Deployment, pod create and delete, the Eviction
 * API); the cluster autoscaler and the VMSS run inside the emulator, which knows nothing of the
 * policy. Placeholders mode needs only the Kubernetes API, which is all the emulator has (no ARM).
 *
 * <p>Speed 20 and a policy period of 500 ms real time make the simulator's 10 s period.
 */
class LiveAgainstEmulatorTest {
  static final String SCENARIO = "src/test/resources/emulated-backfill/scenario.yaml";
  static final String DEPLOYMENT = "src/test/resources/emulated-backfill/web.yaml";
  static final String VIRTUAL_NODE = "virtual-node-aci-linux";
  static final double SPEED = 20;
  /** The simulated time the cluster has to settle after the scale (the simulator needs about 150 s). */
  static final long SETTLE_SIMULATED_MS = 10 * 60_000;

  @TempDir Path dir;
  private Emulator emulator;
  private KubernetesClient client;
  private LiveRunner runner;

  @AfterEach
  void stop() {
    if (runner != null) runner.close();
    if (client != null) client.close();
    if (emulator != null) emulator.close();
  }

  /** The simulator's prediction: the same file run with --policy burst-backfill (10 s period). */
  private static RunResult simulated() {
    CompiledScenario s = ScenarioCompiler.load(ScenarioSource.of(SCENARIO));
    return Simulation.run(s.withPolicy(PolicyCatalog.named("burst-backfill", Map.of("period", "10s"))),
        Simulation.Options.quiet());
  }

  private List<Pod> webPods() {
    return client.pods().inNamespace("web").withLabel("app", "web").list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
  }

  private List<Pod> placeholders() {
    return client.pods().inNamespace("web").withLabel(Placeholders.LABEL).list().getItems();
  }

  private static String node(Pod p) {
    return p.getSpec().getNodeName() == null ? "" : p.getSpec().getNodeName();
  }

  @Test
  @DisplayName("hns live burst-backfill --apply against hns emulate: pods burst to ACI move back to the VM nodes the autoscaler adds")
  void burstBackfillAgainstTheEmulator() throws Exception {
    RunResult predicted = simulated();
    long predictedVmNodes = predicted.nodes().stream().filter(n -> n.kind().equals("vm")).count();
    List<PodRecord> predictedPlaceholders = predicted.pods().stream().filter(p -> p.pod().startsWith("hns-backfill-")).toList();
    var last = predicted.timeline().get(predicted.timeline().size() - 1);
    assertThat(last.podsRunningVirtual()).isZero();
    assertThat(last.podsRunningVm()).isEqualTo(8);

    emulator = Emulator.start(SCENARIO, 0, SPEED);
    Path kubeconfig = dir.resolve("kubeconfig");
    emulator.writeKubeconfig(kubeconfig);
    client = Clients.connect(kubeconfig, null);
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("web").endMetadata().build()).create();

    LiveConfig config = LiveConfig.parse("test", new ObjectMapper(new YAMLFactory()).readTree("""
        namespaces: [web]
        bounds: {maxPodsMovedPerMinute: 10, maxNodesAdded: 5}
        guard: {expectationTimeout: 30s, maxConsecutiveErrors: 5}
        leaderElection: {enabled: true, leaseName: hns-live, leaseDuration: 15s, renewDeadline: 10s, retryPeriod: 1s}
        policy: {mode: placeholders, period: 500ms, maxMovesPerPeriod: 5}
        """), Set.of(), null);
    List<Decision> decisions = Collections.synchronizedList(new ArrayList<>());
    StringWriter err = new StringWriter();
    runner = new LiveRunner(client, config, LivePolicies.create("burst-backfill", config), true, "hns-test-0",
        decisions::add, new PrintWriter(err, true), Clock.systemUTC());
    runner.start(false, true);

    // Leader election works against the emulator: the Lease names this replica.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
        client.leases().inNamespace("web").withName("hns-live").get()).isNotNull()
        .satisfies(l -> assertThat(l.getSpec().getHolderIdentity()).isEqualTo("hns-test-0")));

    // The Deployment as the seed writes burst (toleration, weight-1 VM preference), applied through fabric8.
    Deployment web;
    try (var in = new FileInputStream(DEPLOYMENT)) {
      web = client.apps().deployments().load(in).item();
    }
    client.apps().deployments().inNamespace("web").resource(web).create();
    // burst-backfill's placement adds the zone spread: hns live patches the template, the Deployment
    // rolls out. (Before the patch the system-default spreading may have put the second pod on the
    // virtual node, and hns live reserved VM room for it; that placeholder goes once it is moot.)
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      Deployment d = client.apps().deployments().inNamespace("web").withName("web").get();
      assertThat(d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints()).singleElement()
          .satisfies(c -> assertThat(c.getTopologyKey()).isEqualTo("topology.kubernetes.io/zone"));
      // The rollout is over (the old pods are gone, not just terminating) and both run on the VM node,
      // as in the simulator, where the Deployment has the rewritten template from the start.
      assertThat(client.pods().inNamespace("web").withLabel("app", "web").list().getItems()).hasSize(2).allSatisfy(p -> {
        assertThat(p.getSpec().getTopologySpreadConstraints()).hasSize(1);
        assertThat(p.getStatus().getPhase()).isEqualTo("Running");
        assertThat(node(p)).startsWith("aks-userpool-");
      });
      assertThat(placeholders()).isEmpty();
    });

    // Beyond the VM capacity: the overflow lands on the virtual node at once, as the simulator has it.
    int decisionsBefore = decisions.size();
    client.apps().deployments().inNamespace("web").withName("web").scale(8);
    long scaledAt = emulator.simulatedMs();
    List<Pod> burst = webPods();
    assertThat(burst).hasSize(8);
    long onAci = burst.stream().filter(p -> node(p).equals(VIRTUAL_NODE)).count();
    long predictedOnAci = predicted.pods().stream()
        .filter(p -> p.workload().equals("web") && p.nodeKind().equals("virtual")).count();
    // At least the simulator's overflow: on a loaded machine a placeholder of the rollout above may
    // still hold a VM slot at this instant (wall-clock timing), which sends one more pod to ACI. The
    // end state below is exact.
    assertThat(onAci).isPositive().isBetween(predictedOnAci, predictedOnAci + 1);
    // Within bounded simulated time: no pod left on the virtual node, all 8 Running on VM nodes,
    // placeholders created and removed, on as many VM nodes as the simulator predicts.
    await().atMost(Duration.ofMillis((long) (SETTLE_SIMULATED_MS / SPEED) + 20_000)).pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> {
          List<Pod> pods = webPods();
          assertThat(pods).extracting(LiveAgainstEmulatorTest::node).hasSize(8).allMatch(n -> n.startsWith("aks-userpool-"));
          assertThat(pods).extracting(p -> p.getStatus().getPhase()).containsOnly("Running");
          assertThat(placeholders()).extracting(p -> p.getMetadata().getName()).isEmpty();
        });
    assertThat(emulator.simulatedMs() - scaledAt).as("simulated ms from the scale to the end").isLessThan(SETTLE_SIMULATED_MS);

    List<Decision> all;
    synchronized (decisions) {
      all = new ArrayList<>(decisions);
    }
    assertThat(all).noneSatisfy(d -> assertThat(d.outcome()).isIn(Decision.Outcome.FAILED, Decision.Outcome.REFUSED));
    assertThat(all.subList(0, decisionsBefore)).anySatisfy(d -> assertThat(d.action()).isEqualTo("patch-template"));
    List<Decision> applied = all.subList(decisionsBefore, all.size()).stream()
        .filter(d -> d.outcome() == Decision.Outcome.APPLIED).toList();
    List<String> created = applied.stream().filter(d -> d.action().equals("create-pod")).map(Decision::target).toList();
    List<String> deleted = applied.stream().filter(d -> d.action().equals("delete-pod")).map(Decision::target).toList();
    // Placeholders were created and all removed again; every pod that burst to ACI was moved back
    // by eviction. How many placeholders it takes depends on timing: one of a later node still
    // pending can take room released for a move on an earlier one (the simulator, whose two new
    // nodes were Ready within one period, needed one per ACI pod), so at least as many.
    assertThat(created).hasSizeGreaterThanOrEqualTo(predictedPlaceholders.size())
        .allSatisfy(t -> assertThat(t).startsWith("pod/web/hns-backfill-web-"));
    assertThat(new java.util.HashSet<>(deleted)).isEqualTo(new java.util.HashSet<>(created));
    // Each pod on ACI is evicted once (the simulator's count), unless a stale view let a replacement
    // land back on ACI; never a churn.
    assertThat(applied.stream().filter(d -> d.action().equals("evict-pod")).count())
        .isBetween(predictedOnAci, 2 * predictedOnAci);
    // 8 pods of 1 CPU and at most one placeholder per pod on ACI fit the 3 nodes the simulator
    // grows to (3 pods each), so the autoscaler never needs a fourth, whatever the timing.
    assertThat(client.nodes().list().getItems().stream().filter(n -> n.getMetadata().getName().startsWith("aks-userpool-")))
        .hasSize((int) predictedVmNodes);
    assertThat(runner.loop().guard().tripped()).as(String.valueOf(runner.loop().guard().reason())).isFalse();
    assertThat(err.toString()).doesNotContain("cannot");
  }
}
