package io.hns.live.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.hns.live.Objs;
import io.hns.model.cluster.Workload;
import io.hns.model.manifest.WorkloadCompiler;
import io.hns.model.policy.PlacementPolicies;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Exact HTTP contracts of the live actions, in the mock server's expectations mode. */
@EnableKubernetesMockClient(https = false)
class Fabric8ClusterActionsContractTest {
  KubernetesMockServer server;
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
  @DisplayName("scale goes through the Deployment's scale subresource with the new replicas")
  void scaleUsesTheScaleSubresource() throws Exception {
    String path = "/apis/apps/v1/namespaces/web/deployments/api/scale";
    server.expect().withPath(path).andReturn(200, new ScaleBuilder().withNewMetadata().withName("api").withNamespace("web")
        .endMetadata().withNewSpec().withReplicas(5).endSpec().withNewStatus().withReplicas(5).endStatus().build()).always();
    server.expect().withPath("/apis/apps/v1/namespaces/web/deployments/api").andReturn(200, Objs.deployment("web", "api", 5)).always();

    actions.scale("web", "Deployment", "api", 5, "test");

    // fabric8 reads the Scale and writes it back (optimistic: a concurrent change is a conflict,
    // retried by the next loop), then reads the Deployment; the write is the contract.
    RecordedRequest put = requests().stream().filter(r -> r.getMethod().equals("PUT")).findFirst().orElseThrow();
    assertThat(put.getPath()).isEqualTo(path);
    assertThat(put.getBody().readUtf8()).contains("\"kind\":\"Scale\"", "\"spec\":{\"replicas\":5}");
  }

  private java.util.List<RecordedRequest> requests() throws InterruptedException {
    java.util.List<RecordedRequest> all = new java.util.ArrayList<>();
    for (RecordedRequest r; (r = server.takeRequest(100, java.util.concurrent.TimeUnit.MILLISECONDS)) != null; ) {
      all.add(r);
    }
    return all;
  }

  @Test
  @DisplayName("eviction: a PDB's 429 is 'not now' (false, no retry inside the client), then 200 evicts")
  void evictionTooManyRequestsThenOk() throws Exception {
    String path = "/api/v1/namespaces/web/pods/api-1/eviction";
    server.expect().post().withPath(path).andReturn(429, new StatusBuilder().withCode(429)
        .withMessage("Cannot evict pod as it would violate the pod's disruption budget.").build()).once();
    server.expect().post().withPath(path).andReturn(200, new StatusBuilder().withCode(200).build()).once();

    assertThat(actions.evictPod("web", "api-1", "move back")).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(actions.evictPod("web", "api-1", "move back")).isTrue();
    RecordedRequest last = server.getLastRequest();
    assertThat(last.getMethod()).isEqualTo("POST");
    assertThat(last.getBody().readUtf8()).contains("\"kind\":\"Eviction\"", "\"name\":\"api-1\"");
  }

  @Test
  @DisplayName("a placement policy's template rewrite is one JSON merge patch of tolerations and preferred affinity")
  void templatePatchBody() throws Exception {
    Workload w = WorkloadCompiler.compile(FabricTrees.sourced(Objs.deployment("web", "api", 2)));
    String path = "/apis/apps/v1/namespaces/web/deployments/api";
    server.expect().withPath(path).andReturn(200, Objs.deployment("web", "api", 2)).always();

    actions.patchPodTemplate(w, PlacementPolicies.BURST.apply(w.template()), "burst");

    RecordedRequest last = server.getLastRequest();
    assertThat(last.getMethod()).isEqualTo("PATCH");
    assertThat(last.getPath()).isEqualTo(path);
    assertThat(last.getHeader("Content-Type")).startsWith("application/merge-patch+json");
    assertThat(last.getBody().readUtf8()).isEqualTo("{\"spec\":{\"template\":{\"spec\":{"
        + "\"tolerations\":[{\"key\":\"virtual-kubelet.io/provider\",\"operator\":\"Equal\",\"value\":\"azure\",\"effect\":\"NoSchedule\"}],"
        + "\"affinity\":{\"nodeAffinity\":{\"preferredDuringSchedulingIgnoredDuringExecution\":[{\"weight\":1,\"preference\":"
        + "{\"matchExpressions\":[{\"key\":\"type\",\"operator\":\"NotIn\",\"values\":[\"virtual-kubelet\"]}]}}]}}}}}}");
  }

  @Test
  @DisplayName("pod deletion cost is a merge patch of the annotation on the pod")
  void deletionCostPatch() throws Exception {
    server.expect().withPath("/api/v1/namespaces/web/pods/api-1")
        .andReturn(200, Objs.pod("web", "api-1", "api", "n", "Running")).always();

    actions.setPodDeletionCost("web", "api-1", -100, "on ACI");

    assertThat(server.getLastRequest().getBody().readUtf8())
        .isEqualTo("{\"metadata\":{\"annotations\":{\"controller.kubernetes.io/pod-deletion-cost\":\"-100\"}}}");
  }
}
