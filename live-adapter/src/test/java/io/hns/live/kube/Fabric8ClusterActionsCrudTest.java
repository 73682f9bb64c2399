package io.hns.live.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.Objs;
import io.hns.live.policy.OverprovisionReconciler;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.resource.Resources;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the live actions leave in the cluster (mock server in CRUD mode). */
@EnableKubernetesMockClient(crud = true, https = false)
class Fabric8ClusterActionsCrudTest {
  KubernetesClient client;
  private Fabric8ClusterActions actions;

  @BeforeEach
  void setUp() {
    actions = new Fabric8ClusterActions(client, new PodRenderer("hns-placeholder"), Clock.systemUTC());
  }

  @AfterEach
  void tearDown() {
    actions.close();
  }

  @Test
  @DisplayName("a placeholder pod is created labelled as hns's, with a pause container holding its request and the negative priority class")
  void createsPlaceholder() {
    var policy = new OverprovisionReconciler("web", "warm", 1, Resources.of(500, 512L << 20), -10, Duration.ofSeconds(10));
    var model = io.hns.model.cluster.Pod.builder("web", "warm-0",
        io.hns.model.cluster.PodSpec.builder().requests(500, 512L << 20).build()).labels(
            io.hns.model.cluster.Labels.of(OverprovisionReconciler.SET_LABEL, "warm")).build();
    var spec = model.spec().toBuilder();
    spec.priority = -10;
    actions.createPod(io.hns.model.cluster.Pod.builder("web", "warm-0", spec.build()).labels(model.labels()).build(), "headroom");

    Pod p = client.pods().inNamespace("web").withName("warm-0").get();
    assertThat(p.getMetadata().getLabels()).containsEntry(ManagedLabels.MANAGED_BY, "hns").containsEntry(OverprovisionReconciler.SET_LABEL, "warm");
    assertThat(p.getMetadata().getAnnotations()).containsEntry(ManagedLabels.REASON_ANNOTATION, "headroom");
    assertThat(p.getSpec().getPriorityClassName()).isEqualTo("hns-placeholder");
    assertThat(p.getSpec().getContainers()).singleElement().satisfies(c -> {
      assertThat(c.getImage()).isEqualTo(PodRenderer.PAUSE_IMAGE);
      assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");
    });
    assertThat(policy.name()).isEqualTo("overprovision");

    assertThat(actions.deleteManagedPods("web")).isEqualTo(1);
    assertThat(client.pods().inNamespace("web").list().getItems()).isEmpty();
  }

  @Test
  @DisplayName("taint and untaint edit spec.taints and keep the other taints")
  void taints() {
    client.nodes().resource(Objs.virtualNode()).create();
    Taint t = new Taint("hns.io/draining", "", TaintEffect.NO_SCHEDULE);

    actions.taintNode("virtual-node-aci-linux", t, true);
    assertThat(client.nodes().withName("virtual-node-aci-linux").get().getSpec().getTaints())
        .extracting(x -> x.getKey()).containsExactly("virtual-kubelet.io/provider", "hns.io/draining");

    actions.taintNode("virtual-node-aci-linux", t, false);
    assertThat(client.nodes().withName("virtual-node-aci-linux").get().getSpec().getTaints())
        .extracting(x -> x.getKey()).containsExactly("virtual-kubelet.io/provider");
  }

  @Test
  @DisplayName("an event names the object, reason and message, from the hns component")
  void events() {
    actions.event("Deployment/web/api", "Normal", "PlacementPatched", "burst: toleration added");

    var events = client.v1().events().inNamespace("web").list().getItems();
    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("Deployment");
      assertThat(e.getInvolvedObject().getName()).isEqualTo("api");
      assertThat(e.getReason()).isEqualTo("PlacementPatched");
      assertThat(e.getSource().getComponent()).isEqualTo("hns");
    });
  }
}
