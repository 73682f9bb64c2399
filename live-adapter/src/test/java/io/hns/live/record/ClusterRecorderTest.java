package io.hns.live.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.MutableClock;
import io.hns.live.Objs;
import io.hns.live.calibrate.RecordedTrace;
import io.hns.model.cluster.Times;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRecorderTest {
  KubernetesClient client;
  @TempDir Path dir;

  @Test
  @DisplayName("the recorder writes node, pod, replicas and event lines that parse back into lifecycles and latencies")
  void recordsAndParsesBack() throws Exception {
    // The mock API server stamps creationTimestamp with its own clock, so the scripted lifecycle is
    // laid out from now: Ready 60 s later, the pod scheduled at +2 s and running at +84 s.
    long now = System.currentTimeMillis() / 1000 * 1000;
    MutableClock clock = new MutableClock(now - 60_000); // recording starts a minute before the objects
    Path file = dir.resolve("rec.jsonl");
    List<String> errors = new ArrayList<>();
    try (RecordedTraceWriter out = RecordedTraceWriter.create(file);
        ClusterRecorder rec = new ClusterRecorder(client, "web", out, clock, Duration.ofHours(1), errors::add).start()) {
      var node = Objs.vmNode("aks-np-3", "np", true);
      node.getStatus().getConditions().get(0).setLastTransitionTime(Times.format(now + 60_000));
      client.nodes().resource(node).create();
      client.nodes().resource(Objs.virtualNode()).create();
      client.apps().deployments().inNamespace("web").resource(Objs.deployment("web", "api", 2)).create();
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains("virtual-node-aci-linux"));
      client.pods().inNamespace("web").resource(new PodBuilder(Objs.pod("web", "api-7d9f-x", "api", "virtual-node-aci-linux", "Running"))
          .editMetadata().addToLabels("pod-template-hash", "7d9f").addNewOwnerReference().withKind("ReplicaSet")
          .withName("api-7d9f").withController(true).withApiVersion("apps/v1").withUid("u").endOwnerReference().endMetadata()
          .editStatus()
          .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(Times.format(now + 2_000)).endCondition()
          .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(Times.format(now + 90_000)).endCondition()
          .addNewContainerStatus().withName("api").withNewState().withNewRunning().withStartedAt(Times.format(now + 84_000))
          .endRunning().endState().endContainerStatus()
          .endStatus().build()).create();
      client.v1().events().inNamespace("web").resource(new EventBuilder().withNewMetadata().withName("api-7d9f-x.1")
          .withNamespace("web").endMetadata().withNewInvolvedObject().withKind("Pod").withNamespace("web").withName("api-7d9f-x")
          .endInvolvedObject().withReason("ProviderCreateFailed").withMessage("quota").withCount(1).build()).create();
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains("ProviderCreateFailed")
          && Files.readString(file).contains("api-7d9f-x\",\"workload\""));
      client.pods().inNamespace("web").withName("api-7d9f-x").delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.readAllLines(file).stream()
          .anyMatch(l -> l.contains("\"type\":\"pod\"") && !l.contains("\"deleted\":null")));
    }

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"t\":").endsWith("}"));
    assertThat(String.join("\n", lines)).contains("\"type\":\"replicas\",\"namespace\":\"web\",\"workload\":\"api\",\"desired\":2,\"ready\":0");

    RecordedTrace trace = RecordedTrace.read(file);
    assertThat(trace.vmBootSeconds()).containsOnlyKeys("np");
    assertThat(trace.vmBootSeconds().get("np")).singleElement().satisfies(
        b -> assertThat(b).isBetween(58.0, 61.0)); // the mock stamps creation to the second
    assertThat(trace.pods()).singleElement().satisfies(p -> {
      assertThat(p.workload()).isEqualTo("api");
      assertThat(p.nodeKind()).isEqualTo("virtual");
      assertThat(Times.isSet(p.deleted())).isTrue();
    });
    assertThat(trace.aciStartSeconds()).containsExactly(82.0);
    assertThat(errors).isEmpty();
  }

  @Test
  @DisplayName("a trace cut mid-line (the recorder killed while writing) reads up to the last whole line")
  void toleratesTruncatedLastLine() throws Exception {
    Path file = dir.resolve("cut.jsonl");
    try (RecordedTraceWriter out = RecordedTraceWriter.create(file)) {
      out.node(1000, "aks-np-0", "vm", "np", 2000, 50_000, Times.UNSET);
    }
    Files.writeString(file, "{\"t\": 3000, \"type\": \"node\", \"na", java.nio.file.StandardOpenOption.APPEND);
    RecordedTrace trace = RecordedTrace.read(file);
    assertThat(trace.lines()).isEqualTo(1);
    assertThat(trace.vmBootSeconds().get("np")).containsExactly(48.0);
  }
}
