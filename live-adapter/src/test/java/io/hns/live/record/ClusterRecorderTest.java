package io.hns.live.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.hns.live.MutableClock;
import io.hns.live.Objs;
import io.hns.live.calibrate.LatencyFitter;
import io.hns.live.calibrate.LatencySamples;
import io.hns.live.calibrate.ScenarioFragment;
import io.hns.model.cluster.Times;
import io.hns.traces.RateSeries;
import io.hns.traces.ReaderOptions;
import io.hns.traces.Trace;
import io.hns.traces.TraceFormat;
import io.hns.traces.TraceInput;
import io.hns.traces.recorded.EventEntry;
import io.hns.traces.recorded.LoadEntry;
import io.hns.traces.recorded.MetaEntry;
import io.hns.traces.recorded.NodeKind;
import io.hns.traces.recorded.PodsEntry;
import io.hns.traces.recorded.RecordedEntry;
import io.hns.traces.recorded.RecordedEntryReader;
import io.hns.traces.recorded.RecordedLifecycles;
import io.hns.traces.recorded.RecordedTraceWriter;
import io.hns.traces.recorded.ReplicasEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recorder writes the traces module's {@code recorded} format (docs/traces.md), and what it
 * writes is what the traces module's readers read: calibration from the lifecycles, and the load
 * series that {@code hns replay --format recorded} replays.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ClusterRecorderTest {
  KubernetesClient client;
  @TempDir Path dir;

  private static List<RecordedEntry> entries(Path file) {
    List<RecordedEntry> out = new ArrayList<>();
    try (RecordedEntryReader r = new RecordedEntryReader(TraceInput.of(file))) {
      r.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  @DisplayName("record from the cluster, then calibrate from the file and read its load series with the traces readers")
  void recordCalibrateReplay() throws Exception {
    // The mock API server stamps creationTimestamp with its own clock, so the scripted lifecycles are
    // laid out from now: VM nodes Ready 50 to 60 s after creation, ACI pods running 30 to 45 s after
    // their scheduling. The recorder's clock starts a minute before, as if it had been watching.
    long now = System.currentTimeMillis() / 1000 * 1000;
    MutableClock clock = new MutableClock(now - 60_000);
    Path file = dir.resolve("rec.jsonl");
    List<String> errors = new ArrayList<>();
    try (RecordedTraceWriter out = RecordedTraceWriter.open(file, false);
        ClusterRecorder rec = new ClusterRecorder(client, "web", out, clock, Duration.ofSeconds(15), "mock",
            "hns record test", errors::add).start()) {
      for (int i = 0; i < 6; i++) {
        var node = Objs.vmNode("aks-np-" + i, "np", true);
        node.getMetadata().getLabels().put(Observations.INSTANCE_TYPE_LABEL, "Standard_DS2_v2");
        node.getStatus().getConditions().get(0).setLastTransitionTime(Times.format(now + (50 + 2 * i) * 1000L));
        client.nodes().resource(node).create();
      }
      client.nodes().resource(Objs.virtualNode()).create();
      client.apps().deployments().inNamespace("web").resource(Objs.deployment("web", "api", 6)).create();
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains("virtual-node-aci-linux"));
      for (int i = 0; i < 6; i++) {
        long scheduled = now + 1000L * i;
        client.pods().inNamespace("web").resource(new PodBuilder(Objs.pod("web", "api-7d9f-" + i, "api", "virtual-node-aci-linux", "Running"))
            .editMetadata().addToLabels("pod-template-hash", "7d9f").addNewOwnerReference().withKind("ReplicaSet")
            .withName("api-7d9f").withController(true).withApiVersion("apps/v1").withUid("u").endOwnerReference().endMetadata()
            .editStatus()
            .addNewCondition().withType("PodScheduled").withStatus("True").withLastTransitionTime(Times.format(scheduled)).endCondition()
            .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(Times.format(scheduled + 50_000)).endCondition()
            .addNewContainerStatus().withName("api").withNewState().withNewRunning()
            .withStartedAt(Times.format(scheduled + (30 + 3 * i) * 1000L)).endRunning().endState().endContainerStatus()
            .endStatus().build()).create();
        client.resource(new PodMetricsBuilder().withNewMetadata().withName("api-7d9f-" + i).withNamespace("web").endMetadata()
            .addNewContainer().withName("api").withUsage(Map.of("cpu", new Quantity((100 + 10 * i) + "m"))).endContainer()
            .build()).create();
      }
      client.v1().events().inNamespace("web").resource(new EventBuilder().withNewMetadata().withName("api-7d9f-0.1")
          .withNamespace("web").endMetadata().withNewInvolvedObject().withKind("Pod").withNamespace("web").withName("api-7d9f-0")
          .endInvolvedObject().withType("Warning").withReason("ProviderCreateFailed").withMessage("quota").withCount(1).build()).create();
      await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(file).contains("ProviderCreateFailed")
          && entries(file).stream().filter(e -> e instanceof io.hns.traces.recorded.PodEntry p && p.nodeKind() == NodeKind.VIRTUAL
              && p.runningMs() != null).count() == 6);
      clock.advance(60_000);
      rec.sample();
      clock.advance(15_000);
      rec.sample();
      client.pods().inNamespace("web").withName("api-7d9f-5").delete();
      await().atMost(Duration.ofSeconds(10)).until(() -> entries(file).stream()
          .anyMatch(e -> e instanceof io.hns.traces.recorded.PodEntry p && p.deletedMs() != null));
    }

    List<RecordedEntry> all = entries(file);
    assertThat(all.get(0)).isEqualTo(new MetaEntry(now - 60_000, 1, "mock", 15_000L, "hns record test"));
    assertThat(all).contains(new ReplicasEntry(now - 60_000, "web", "api", 6, 0));
    assertThat(all).filteredOn(PodsEntry.class::isInstance).containsExactly(
        new PodsEntry(now, "web", "api", 0, 6, 0, 6, 0), new PodsEntry(now + 15_000, "web", "api", 0, 6, 0, 6, 0));
    assertThat(all).filteredOn(EventEntry.class::isInstance).singleElement()
        .isEqualTo(new EventEntry(now - 60_000, "Warning", "ProviderCreateFailed", "Pod/web/api-7d9f-0", "quota"));
    assertThat(Files.readAllLines(file)).allSatisfy(l -> assertThat(l).startsWith("{\"t\":\"").doesNotContain("null"));

    RecordedLifecycles life = RecordedLifecycles.read(TraceInput.of(file));
    assertThat(life.nodes()).filteredOn(n -> n.kind() == NodeKind.VM).hasSize(6)
        .allSatisfy(n -> assertThat(n.vmSize()).isEqualTo("Standard_DS2_v2"));
    assertThat(life.pods()).hasSize(6).allSatisfy(p -> assertThat(p.workload()).isEqualTo("api"));

    // hns calibrate's path.
    LatencySamples samples = LatencySamples.read(TraceInput.of(file));
    assertThat(samples.vmBootSeconds()).containsOnlyKeys("np");
    assertThat(samples.vmBootSeconds().get("np")).hasSize(6).allSatisfy(b -> assertThat(b).isBetween(49.0, 61.0));
    assertThat(samples.aciStartSeconds()).containsExactlyInAnyOrder(30.0, 33.0, 36.0, 39.0, 42.0, 45.0);
    LatencyFitter.Result aci = LatencyFitter.fit(samples.aciStartSeconds());
    assertThat(aci.best().medianSeconds()).isBetween(34.0, 41.0);
    String fragment = ScenarioFragment.yaml(file.getFileName().toString(), Map.of("np", LatencyFitter.fit(samples.vmBootSeconds().get("np"))), aci);
    assertThat(fragment).contains("bootLatency: {median: 5", "startLatency: {median: 3");

    // hns replay --format recorded --metric cpu_millicores's path: the sum of the pods' CPU per sample.
    Trace load = Trace.read(TraceFormat.named("recorded"), TraceInput.of(file),
        ReaderOptions.builder().metric(LoadEntry.CPU_MILLICORES).build());
    assertThat(load.info().resolutionMs()).isEqualTo(15_000);
    RateSeries series = RateSeries.of(load);
    assertThat(series.size()).isEqualTo(2);
    assertThat(series.rateAt(now)).isEqualTo(750.0);
    assertThat(series.rateAt(now + 15_000)).isEqualTo(750.0);
    assertThat(errors).isEmpty();
  }
}
