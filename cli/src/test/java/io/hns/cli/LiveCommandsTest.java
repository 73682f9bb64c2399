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
import io.hns.live.record.RecordedTraceWriter;
import io.hns.model.cluster.Times;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @DisplayName("hns record for a duration writes a trace that hns calibrate reads")
  void recordThenCalibrate() throws Exception {
    deployment();
    Path trace = dir.resolve("rec.jsonl");
    Run r = run("record", "--kubeconfig", kubeconfig().toString(), "--namespace", "web", "--out", trace.toString(),
        "--duration", "1s");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(Files.readString(trace)).contains("\"type\":\"replicas\",\"namespace\":\"web\",\"workload\":\"api\"");

    r = run("calibrate", trace.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("nothing to fit");
  }

  @Test
  @DisplayName("hns calibrate fits boot and ACI start latencies and writes the scenario fragment")
  void calibrate() throws Exception {
    Path trace = dir.resolve("t.jsonl");
    Random rnd = new Random(42);
    long t0 = 1_800_000_000_000L;
    try (RecordedTraceWriter w = RecordedTraceWriter.create(trace)) {
      w.replicas(t0, "web", "api", 1, 1);
      for (int i = 0; i < 60; i++) {
        long boot = Math.round(Math.exp(Math.log(55) + 0.2 * rnd.nextGaussian()) * 1000);
        w.node(t0 + i * 1000L, "aks-np-" + i, "vm", "np", t0 + i * 1000L, t0 + i * 1000L + boot, Times.UNSET);
        long start = Math.round(Math.exp(Math.log(40) + 0.4 * rnd.nextGaussian()) * 1000);
        w.pod(t0 + i * 1000L, new io.hns.live.record.PodTimes("web", "api-" + i, "api", "virtual-node-aci-linux", "virtual",
            t0 + i * 1000L, t0 + i * 1000L + 100, t0 + i * 1000L + 100 + start, t0 + i * 1000L + 200 + start, Times.UNSET));
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
