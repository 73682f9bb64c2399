package io.hns.live.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.Decision;
import io.hns.live.LiveSnapshot;
import io.hns.live.ReconcileLoop;
import io.hns.live.Reconciler;
import io.hns.live.config.Bounds;
import io.hns.live.config.LiveConfig;
import io.hns.live.guard.ExpectationGuard;
import io.hns.live.guard.GatedActions;
import io.hns.live.guard.Mode;
import io.hns.live.guard.MoveBudget;
import io.hns.live.http.LiveMetrics;
import io.hns.live.kube.Fabric8ClusterActions;
import io.hns.live.kube.Fabric8ClusterView;
import io.hns.live.kube.PodRenderer;
import io.hns.live.policy.LivePolicies;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.NodeCompiler;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.manifest.SourcedObject;
import io.hns.model.manifest.WorkloadCompiler;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The promise of the live adapter: a policy decides the same live as offline. One scripted cluster
 * (a YAML file) is loaded both into the mock API server, where the live view reads it through
 * informers, and into a plain snapshot through the model's manifest reader, the simulator's path.
 * The same policy (every one of the model's PolicyCatalog) runs on both; the decisions must match.
 * Then, applied live, the cluster converges and the policy has nothing left to do.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class SameDecisionsLiveAndOfflineTest {
  private static final long NOW = 1_800_000_000_000L;
  KubernetesClient client;
  private Fabric8ClusterView view;

  @AfterEach
  void close() {
    if (view != null) view.close();
  }

  private static String script() throws Exception {
    try (var in = SameDecisionsLiveAndOfflineTest.class.getResourceAsStream("/e2e/cluster.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The config file's policy: mapping per policy: the model's parameters. */
  private static LiveConfig config(String name) throws Exception {
    var yaml = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
    String params = switch (name) {
      case "overprovision" -> "{namespace: web, fraction: 0.5, cpu: 250m, memory: 64Mi, priority: -5, period: 10s}";
      case "burst-backfill" -> "{maxMovesPerPeriod: 3, period: 5s}";
      default -> "{}";
    };
    return LiveConfig.parse("test", yaml.readTree("policy: " + params), Set.of("web"), null);
  }

  private static Reconciler policy(String name) throws Exception {
    return LivePolicies.create(name, config(name));
  }

  /** The offline side: the file compiled by the model's manifest compilers, no Kubernetes involved. */
  private static LiveSnapshot offline(String yaml) {
    List<Node> nodes = new ArrayList<>();
    List<Pod> pods = new ArrayList<>();
    List<Workload> workloads = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read("cluster.yaml", yaml)) {
      switch (o.kind()) {
        case "Node" -> nodes.add(NodeCompiler.compile(o));
        case "Pod" -> pods.add(PodCompiler.compile(o));
        default -> workloads.add(WorkloadCompiler.compile(o));
      }
    }
    return LiveSnapshot.of(NOW, nodes, pods, workloads);
  }

  private LiveSnapshot live(String yaml) {
    for (HasMetadata o : client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items()) {
      client.resource(o).create();
    }
    view = new Fabric8ClusterView(client, Set.of("web"), Clock.fixed(java.time.Instant.ofEpochMilli(NOW), java.time.ZoneOffset.UTC),
        (m, e) -> { throw new AssertionError(m, e); }).start(Duration.ofSeconds(30));
    return view.snapshot();
  }

  private static List<String> decide(Reconciler policy, LiveSnapshot seen) {
    List<Decision> out = new ArrayList<>();
    GatedActions dryRun = new GatedActions(new io.hns.live.guard.RecordingActions(), Mode.DRY_RUN, seen,
        new Bounds(Set.of("web"), 10, 5, false), new MoveBudget(10), new ExpectationGuard(Duration.ofMinutes(1), 5),
        out::add, policy.name());
    policy.reconcile(seen, dryRun);
    // Pods and nodes come back from informers in no particular order; the decisions as a set must agree.
    return out.stream().map(d -> d.action() + " " + d.target() + " " + d.detail() + " -- " + d.reason()).sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"manifest", "burst", "vmss-only", "aci-only", "burst-backfill", "overprovision"})
  @DisplayName("the same scripted cluster gives the same decisions live and offline, and live it converges")
  void sameDecisions(String name) throws Exception {
    String yaml = script();
    List<String> offline = decide(policy(name), offline(yaml));
    List<String> live = decide(policy(name), live(yaml));

    assertThat(live).isEqualTo(offline);
    if (name.equals("manifest")) {
      assertThat(offline).isEmpty(); // the manifests as they are: nothing to do
      return;
    }
    assertThat(offline).isNotEmpty();
    if (name.equals("burst-backfill")) {
      // The placement adds the zone spread; the model's loop reserves VM room for the two ACI pods.
      assertThat(offline).anySatisfy(d -> assertThat(d).startsWith("patch-template Deployment/web/api ")
          .contains("topologySpreadConstraints", "topology.kubernetes.io/zone"));
      assertThat(offline).filteredOn(d -> d.startsWith("create-pod pod/web/hns-backfill-api-7d4b9c-")).hasSize(2);
    }
    if (name.equals("overprovision")) {
      // Half the Ready VM CPU (3800m) in 250m placeholders is 7; one is adopted, and its name is not reused.
      assertThat(offline).filteredOn(d -> d.startsWith("create-pod pod/web/hns-overprovision-")).hasSize(6)
          .noneMatch(d -> d.startsWith("create-pod pod/web/hns-overprovision-5 "));
    }

    // Apply live: the leader acts, the informers see the result, and the next loop decides nothing.
    List<Decision> applied = new ArrayList<>();
    try (Fabric8ClusterActions actions = new Fabric8ClusterActions(client, new PodRenderer("hns-placeholder"), Clock.systemUTC());
        ReconcileLoop loop = new ReconcileLoop(policy(name), view::snapshot, actions, true, () -> true,
            new Bounds(Set.of("web"), 10, 5, false), new ExpectationGuard(Duration.ofMinutes(1), 5), applied::add,
            new LiveMetrics())) {
      assertThat(loop.tick()).isEqualTo(Mode.ACTING);
      assertThat(applied).isNotEmpty().allSatisfy(d -> assertThat(d.outcome()).isEqualTo(Decision.Outcome.APPLIED));
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(decide(policy(name), view.snapshot())).isEmpty());
    }
  }
}
