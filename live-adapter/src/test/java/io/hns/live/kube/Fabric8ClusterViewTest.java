package io.hns.live.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.LiveSnapshot;
import io.hns.live.Objs;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.PodPhase;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class Fabric8ClusterViewTest {
  KubernetesClient client;
  private final List<String> errors = new ArrayList<>();
  private Fabric8ClusterView view;

  @AfterEach
  void close() {
    if (view != null) view.close();
  }

  private Fabric8ClusterView start() {
    view = new Fabric8ClusterView(client, Set.of("web"), Clock.systemUTC(), (m, e) -> errors.add(m)).start(Duration.ofSeconds(30));
    return view;
  }

  @Test
  @DisplayName("nodes and pods from the informers compile into model values: kinds, readiness, allocatable, binding")
  void compilesNodesAndPods() {
    client.nodes().resource(Objs.vmNode("aks-np-0", "np", true)).create();
    client.nodes().resource(Objs.virtualNode()).create();
    client.apps().deployments().inNamespace("web").resource(Objs.deployment("web", "api", 2)).create();
    client.pods().inNamespace("web").resource(Objs.pod("web", "api-1", "api", "aks-np-0", "Running")).create();
    client.pods().inNamespace("other").resource(Objs.pod("other", "x", "x", "aks-np-0", "Running")).create();

    LiveSnapshot s = start().snapshot();

    assertThat(s.nodes()).extracting(n -> n.name() + ":" + n.kind() + ":" + n.ready())
        .containsExactlyInAnyOrder("aks-np-0:" + NodeKind.VM + ":true", "virtual-node-aci-linux:" + NodeKind.VIRTUAL + ":true");
    assertThat(s.nodes()).filteredOn(n -> n.name().equals("aks-np-0")).first()
        .satisfies(n -> assertThat(n.allocatable().milliCpu()).isEqualTo(1900));
    assertThat(s.pods()).singleElement().satisfies(p -> {
      assertThat(p.key()).isEqualTo("web/api-1");
      assertThat(p.nodeName()).isEqualTo("aks-np-0");
      assertThat(p.phase()).isEqualTo(PodPhase.RUNNING);
      assertThat(p.spec().requests().milliCpu()).isEqualTo(200);
    });
    assertThat(s.workloads()).singleElement().satisfies(w -> {
      assertThat(w.kind()).isEqualTo("Deployment");
      assertThat(w.replicas()).isEqualTo(2);
    });
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("changes after start reach the view without polling the API: a new pod, a PDB")
  void followsChanges() {
    start();
    assertThat(view.pods()).isEmpty();
    client.pods().inNamespace("web").resource(Objs.pod("web", "api-2", "api", "", "Pending")).create();
    client.policy().v1().podDisruptionBudget().inNamespace("web").resource(new PodDisruptionBudgetBuilder()
        .withNewMetadata().withName("api").withNamespace("web").endMetadata()
        .withNewSpec().withMaxUnavailable(new io.fabric8.kubernetes.api.model.IntOrString(1))
        .withNewSelector().addToMatchLabels("app", "api").endSelector().endSpec()
        .withNewStatus().withDisruptionsAllowed(1).endStatus()
        .build()).create();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(view.pods()).extracting(p -> p.name()).containsExactly("api-2");
      assertThat(view.disruptionBudgets()).singleElement().satisfies(b -> {
        assertThat(b.name()).isEqualTo("api");
        assertThat(b.maxUnavailable()).isEqualTo(new io.hns.model.disruption.IntOrPercent(1, false));
        assertThat(b.selector().matches(io.hns.model.cluster.Labels.of("app", "api"))).isTrue();
      });
    });
    // What a budget allows is the model's arithmetic over the pods, as in the simulator (the
    // pending pod is not healthy, so maxUnavailable 1 allows 0), not the PDB's status field.
    assertThat(view.disruptionBudgets().get(0).disruptionsAllowed(view.pods())).isZero();
    assertThat(view.pods().get(0).isAssigned()).isFalse();
  }

  @Test
  @DisplayName("an object the model cannot read is reported and skipped; the rest of the view stands")
  void skipsBadObjects() {
    var bad = Objs.deployment("web", "bad", 1);
    bad.getSpec().getSelector().setMatchLabels(java.util.Map.of("app", "other")); // selector misses the template
    client.apps().deployments().inNamespace("web").resource(bad).create();
    client.apps().deployments().inNamespace("web").resource(Objs.deployment("web", "good", 1)).create();

    start();

    assertThat(view.workloads()).extracting(w -> w.name()).containsExactly("good");
    assertThat(errors).singleElement().asString().contains("Deployment web/bad", "selector");
  }
}
