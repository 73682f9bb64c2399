package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.hns.traces.recorded.MetaEntry;
import io.hns.traces.recorded.NodeEntry;
import io.hns.traces.recorded.NodeKind;
import io.hns.traces.recorded.PodEntry;
import io.hns.traces.recorded.RecordedTraceWriter;
import io.hns.traces.recorded.ReplicasEntry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns live}, {@code hns record} and {@code hns calibrate} from the command line, against the mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class LiveCommandsTest {
  KubernetesClient client;
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cl = Hns.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path kubeconfig() throws Exception {
    Path f = dir.resolve("kubeconfig");
    Files.writeString(f, "apiVersion: v1\nkind: Config\ncurrent-context: mock\n"
        + "clusters: [{name: mock, cluster: {server: \"" + client.getMasterUrl() + "\"}}]\n"
        + "contexts: [{name: mock, context: {cluster: mock, user: u, namespace: web}}]\n"
        + "users: [{name: u, user: {token: t}}]\n");
    return f;
  }

  private void deployment() {
    client.apps().deployments().inNamespace("web").resource(new DeploymentBuilder()
        .withNewMetadata().withName("api").withNamespace("web").endMetadata()
        .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "api").endSelector()
        .withNewTemplate().withNewMetadata().addToLabels("app", "api").endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName("api").withImage("nginx")
            .withNewResources().addToRequests("cpu", new Quantity("200m")).endResources().build()).endSpec()
        .endTemplate().endSpec().build()).create();
  }

  @Test
  @DisplayName("hns live without --apply prints what it saw and would do, and changes nothing")
  void liveDryRun() throws Exception {
    deployment();
    String before = client.apps().deployments().inNamespace("web").withName("api").get().getMetadata().getResourceVersion();

    Run r = run("live", "--kubeconfig", kubeconfig().toString(), "--namespace", "web", "--policy", "burst", "--once");

    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("dry run, nothing is changed",
        "burst [would] patch-template Deployment/web/api", "because its pod template does not tolerate the virtual node");
    assertThat(client.apps().deployments().inNamespace("web").withName("api").get().getMetadata().getResourceVersion())
        .isEqualTo(before);
  }

  @Test
  @DisplayName("hns live with an unknown policy or a bad config is exit code 2 with the reason")
  void liveBadInput() throws Exception {
    Run r = run("live", "--kubeconfig", kubeconfig().toString(), "--namespace", "web", "--policy", "nope", "--once");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown policy \"nope\"", "overprovision");

    Path cfg = dir.resolve("cfg.yaml");
    Files.writeString(cfg, "bounds: {maxPodsMovedPerMinut: 3}\n");
    r = run("live", "--kubeconfig", kubeconfig().toString(), "--namespace", "web", "--policy", "burst",
        "--policy-config", cfg.toString(), "--once");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bounds.maxPodsMovedPerMinut: unknown key");
  }

  @Test
  @DisplayName("hns record writes the recorded trace format; hns calibrate reads it; hns replay --format recorded replays its load")
  void recordCalibrateReplay() throws Exception {
    deployment();
    client.nodes().resource(new NodeBuilder().withNewMetadata().withName("virtual-node-aci-linux")
        .addToLabels("type", "virtual-kubelet").endMetadata().build()).create();
    for (int i = 0; i < 2; i++) {
      client.pods().inNamespace("web").resource(new PodBuilder().withNewMetadata().withName("api-7d9f-" + i)
          .addToLabels("app", "api").addToLabels("pod-template-hash", "7d9f").addNewOwnerReference().withKind("ReplicaSet")
          .withName("api-7d9f").withController(true).withApiVersion("apps/v1").withUid("u").endOwnerReference().endMetadata()
          .withNewSpec().withNodeName("virtual-node-aci-linux").addNewContainer().withName("api").withImage("nginx").endContainer()
          .endSpec().withNewStatus().withPhase("Running").endStatus().build()).create();
      client.resource(new PodMetricsBuilder().withNewMetadata().withName("api-7d9f-" + i).withNamespace("web").endMetadata()
          .addNewContainer().withName("api").withUsage(Map.of("cpu", new Quantity("150m"))).endContainer().build()).create();
    }
    Path trace = dir.resolve("rec.jsonl");
    Run r = run("record", "--kubeconfig", kubeconfig().toString(), "--namespace", "web", "--out", trace.toString(),
        "--duration", "2s", "--load-interval", "300ms");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    String text = Files.readString(trace);
    assertThat(text.lines().findFirst().orElseThrow()).contains("\"type\":\"meta\"", "\"interval_ms\":300", "\"recorder\":\"hns record 0.1.0\"");
    assertThat(text).contains("\"type\":\"replicas\",\"namespace\":\"web\",\"workload\":\"api\"",
        "\"type\":\"pods\",\"namespace\":\"web\",\"workload\":\"api\",\"running_vm\":0,\"running_virtual\":2",
        "\"type\":\"load\",\"namespace\":\"web\",\"workload\":\"api\",\"metric\":\"cpu_millicores\",\"value\":300.0");

    r = run("calibrate", trace.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to fit"); // no node or pod was born while recording

    Path scenario = dir.resolve("scenario.yaml");
    Files.writeString(scenario, """
        name: replay-recorded
        duration: 1m
        cluster:
          nodePools: [{name: np, count: 1}]
        manifests:
          - manifest:
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: api, namespace: web}
              spec:
                replicas: 2
                selector: {matchLabels: {app: api}}
                template:
                  metadata: {labels: {app: api}}
                  spec: {containers: [{name: api, image: nginx, resources: {requests: {cpu: 200m}}}]}
        """);
    r = run("replay", "--trace", trace.toString(), "--format", "recorded", "--metric", "cpu_millicores",
        "--scenario", scenario.toString(), "--load-workload", "api", "--pod-capacity", "200", "--quiet",
        "--out", dir.resolve("run").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("peak 300.0 req/s");
    assertThat(Files.readAllLines(dir.resolve("run/timeline.csv")).get(1)).startsWith("0,300");
  }

  @Test
  @DisplayName("hns calibrate fits boot and ACI start latencies and writes the scenario fragment")
  void calibrate() throws Exception {
    Path trace = dir.resolve("t.jsonl");
    Random rnd = new Random(42);
    long t0 = 1_800_000_000_000L;
    try (RecordedTraceWriter w = RecordedTraceWriter.open(trace, false)) {
      w.write(new MetaEntry(t0, MetaEntry.CURRENT_VERSION, "test", 15_000L, "test"));
      w.write(new ReplicasEntry(t0, "web", "api", 1, 1));
      for (int i = 0; i < 60; i++) {
        long t = t0 + i * 1000L;
        long boot = Math.round(Math.exp(Math.log(55) + 0.2 * rnd.nextGaussian()) * 1000);
        w.write(new NodeEntry(t, "aks-np-" + i, NodeKind.VM, "np", null, t, t + boot, null));
        long start = Math.round(Math.exp(Math.log(40) + 0.4 * rnd.nextGaussian()) * 1000);
        w.write(new PodEntry(t, "api-" + i, "web", "uid-" + i, "api", "virtual-node-aci-linux", NodeKind.VIRTUAL,
            t, t + 100, t + 100 + start, t + 200 + start, null, null));
      }
    }
    Path fragment = dir.resolve("fragment.yaml");

    Run r = run("calibrate", trace.toString(), "--out", fragment.toString());

    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("VM boot (np): n=60", "ACI start: n=60");
    JsonNode y = new ObjectMapper(new YAMLFactory()).readTree(fragment.toFile());
    double median = Double.parseDouble(y.path("cluster").path("nodePools").get(0).path("bootLatency").path("median").asText().replace("s", ""));
    assertThat(median).isBetween(50.0, 60.0);
    double aciMedian = Double.parseDouble(y.path("cluster").path("virtualNode").path("aci").path("startLatency").path("median").asText().replace("s", ""));
    assertThat(aciMedian).isBetween(34.0, 46.0);
  }
}
