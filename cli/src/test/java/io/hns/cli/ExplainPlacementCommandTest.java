package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hns explain placement} on the seed fixtures of the model module
 * (model/src/test/resources/fixtures/placement; Maven runs each module's tests in its directory).
 */
class ExplainPlacementCommandTest {
  private static final Path FIXTURES = Path.of("..", "model", "src", "test", "resources", "fixtures", "placement");
  private static final String VM = "aks-agentpool-24758537-vmss000000";
  private static final String VIRTUAL = "virtual-node-aci-linux";

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Hns.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String fixture(String name) {
    Path p = FIXTURES.resolve(name);
    assertThat(p).exists();
    return p.toString();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  // The seed's first nginx-vn replica under the default (1.34) profile: both nodes feasible, the
  // virtual node selected 698 to 691 (model SeedPlacementTest k8s134FirstReplicaGoesToTheVirtualNode
  // has the arithmetic).
  @Test
  void jsonOutputOfTheSeedCluster() throws IOException {
    Run r = run("explain", "placement",
        "--nodes", fixture("nodes.json"),
        "--pod", fixture("nginx-vn.yaml"),
        "--pods", fixture("system-pods.json"),
        "--output", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("pod").asText()).isEqualTo("virtualnode/nginx-vn-template");
    assertThat(json.path("profile").asText()).isEqualTo("kubernetes-1.34");
    assertThat(json.path("selected").asText()).isEqualTo(VIRTUAL);
    assertThat(texts(json.path("feasible"))).containsExactlyInAnyOrder(VM, VIRTUAL);
    assertThat(texts(json.path("ranking"))).containsExactly(VIRTUAL, VM);
    assertThat(json.has("message")).isFalse();
    JsonNode nodes = json.path("nodes");
    assertThat(nodes).hasSize(2);
    for (JsonNode n : nodes) {
      assertThat(n.path("feasible").asBoolean()).isTrue();
      assertThat(n.path("reasons")).isEmpty();
      long expected = n.path("name").asText().equals(VIRTUAL) ? 698 : 691;
      assertThat(n.path("total").asLong()).as(n.path("name").asText()).isEqualTo(expected);
    }
    assertThat(json.path("weights").path("TaintToleration").asInt()).isEqualTo(3);
  }

  // A pod without the toleration: with the system pods only the VM node is the one feasible node;
  // with three nginx replicas bound there as well (a multi-document file: three Pods, then the
  // PodList) no node fits, and the JSON carries the FitError message and each node's reasons.
  @Test
  void jsonOutputOfAnIntolerantPod() throws IOException {
    Path pod = dir.resolve("pod.yaml");
    Files.writeString(pod, """
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: virtualnode}
        spec:
          containers: [{name: nginx, image: nginx, resources: {requests: {cpu: 200m, memory: 32Mi}}}]
        """);
    Run fits = run("explain", "placement", "--nodes", fixture("nodes.json"), "--pod", pod.toString(),
        "--pods", fixture("system-pods.json"), "--output", "json");
    assertThat(fits.exitCode()).as(fits.err()).isZero();
    JsonNode ok = new ObjectMapper().readTree(fits.out());
    assertThat(ok.path("selected").asText()).isEqualTo(VM);
    assertThat(texts(ok.path("feasible"))).containsExactly(VM);

    StringBuilder bound = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      bound.append("""
          apiVersion: v1
          kind: Pod
          metadata: {name: nginx-vn-%d, namespace: virtualnode}
          spec:
            nodeName: %s
            containers: [{name: nginx, image: nginx, resources: {requests: {cpu: 200m, memory: 32Mi}}}]
          ---
          """.formatted(i, VM));
    }
    bound.append(Files.readString(Path.of(fixture("system-pods.json"))));
    Path full = dir.resolve("pods-full.yaml");
    Files.writeString(full, bound.toString());
    Run r = run("explain", "placement", "--nodes", fixture("nodes.json"), "--pod", pod.toString(),
        "--pods", full.toString(), "--output", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.path("selected").isNull()).isTrue();
    assertThat(json.path("feasible")).isEmpty();
    assertThat(json.path("message").asText()).isEqualTo(
        "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {virtual-kubelet.io/provider: azure}.");
    for (JsonNode n : json.path("nodes")) {
      String expected = n.path("name").asText().equals(VM)
          ? "Insufficient cpu" : "node(s) had untolerated taint {virtual-kubelet.io/provider: azure}";
      assertThat(texts(n.path("reasons"))).containsExactly(expected);
    }
  }

  // Hns.handle: bad input is exit code 2 and one line on standard error naming the file (and the
  // line and column for malformed JSON); nothing on standard output.
  @Test
  void badInputExitsWithTwoNamingTheFile() throws IOException {
    Path broken = dir.resolve("broken-nodes.json");
    Files.writeString(broken, "{\n  \"kind\": \"NodeList\",\n  \"items\": [\n");
    Run r = run("explain", "placement", "--nodes", broken.toString(), "--pod", fixture("nginx-vn.yaml"));
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("hns: " + broken + ":").contains("malformed JSON");
    assertThat(r.err().lines()).hasSize(1);

    Path missing = dir.resolve("missing.yaml");
    Run m = run("explain", "placement", "--nodes", fixture("nodes.json"), "--pod", missing.toString());
    assertThat(m.exitCode()).isEqualTo(2);
    assertThat(m.err()).isEqualTo("hns: " + missing + ": no such file" + System.lineSeparator());
  }

  // ExplainPlacementCommand: a bound pod naming a node the nodes file lacks is a usage error;
  // SchedulerProfile.named: an unknown profile lists the known ones.
  @Test
  void inconsistentInputAndUnknownProfile() throws IOException {
    Path stray = dir.resolve("stray.yaml");
    Files.writeString(stray, """
        apiVersion: v1
        kind: Pod
        metadata: {name: stray, namespace: default}
        spec:
          nodeName: aks-nodepool-0
          containers: [{name: c, image: nginx}]
        """);
    Run r = run("explain", "placement", "--nodes", fixture("nodes.json"), "--pod", fixture("nginx-vn.yaml"),
        "--pods", stray.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(stray.toString()).contains("aks-nodepool-0");
    Run p = run("explain", "placement", "--nodes", fixture("nodes.json"), "--pod", fixture("nginx-vn.yaml"),
        "--profile", "kubernetes-1.7");
    assertThat(p.exitCode()).isEqualTo(2);
    assertThat(p.err()).contains("unknown scheduler profile \"kubernetes-1.7\"").contains("kubernetes-1.19");
  }
}
