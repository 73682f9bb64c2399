package io.hns.live.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.Objs;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.policy.Placeholders;
import io.hns.model.resource.Resources;
import java.time.Clock;
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
  @DisplayName("a model placeholder is created with its placeholder labels, a pause container holding its request, the reason, and its priority with the class")
  void createsPlaceholder() {
    var model = Placeholders.create("web", "hns-backfill-api-0", "burst-backfill", "rs-uid-1", Resources.of(500, 512L << 20), -5);
    actions.createPod(model, "reserve VM capacity");

    Pod p = client.pods().inNamespace("web").withName("hns-backfill-api-0").get();
    assertThat(p.getMetadata().getLabels()).containsEntry(Placeholders.LABEL, "burst-backfill")
        .containsEntry(Placeholders.FOR_LABEL, "rs-uid-1");
    assertThat(p.getMetadata().getAnnotations()).containsEntry(PodRenderer.REASON_ANNOTATION, "reserve VM capacity")
        .containsEntry("cluster-autoscaler.kubernetes.io/safe-to-evict", "true");
    assertThat(p.getSpec().getPriorityClassName()).isEqualTo("hns-placeholder");
    assertThat(p.getSpec().getPriority()).isEqualTo(-5);
    assertThat(p.getSpec().getTerminationGracePeriodSeconds()).isZero();
    assertThat(p.getSpec().getContainers()).singleElement().satisfies(c -> {
      assertThat(c.getImage()).isEqualTo(Placeholders.PAUSE_IMAGE);
      assertThat(c.getResources().getRequests().get("cpu").toString()).isEqualTo("500m");
    });
    // What the view reads back is a placeholder again, with the model's request.
    var back = io.hns.model.manifest.PodCompiler.compile(FabricTrees.sourced("Pod", "v1", p));
    assertThat(Placeholders.isPlaceholder(back)).isTrue();
    assertThat(back.spec().requests()).isEqualTo(model.spec().requests());

    client.pods().inNamespace("web").resource(Objs.pod("web", "api-0", "api", "", "Pending")).create();
    assertThat(actions.deletePlaceholders("web")).isEqualTo(1);
    assertThat(client.pods().inNamespace("web").list().getItems()).extracting(x -> x.getMetadata().getName())
        .containsExactly("api-0");
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
