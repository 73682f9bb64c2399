package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The article "AKS Scaling to Virtual Nodes" (2021), replayed with the real kubectl against the
 * emulated seed cluster at 200x real time: its commands in order and their outputs (1 replica on
 * the VM node; at 20 replicas 3 on the VM node and 17 on virtual-node-aci-linux; scaled to 2, both
 * on the VM node), then the other commands the emulator serves. Skipped when kubectl is not on
 * the PATH (.ci/run installs Debian's kubernetes-client).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubectlEndToEndTest {
  static final Duration WAIT = Duration.ofSeconds(45);
  static final String VM_NODE_PREFIX = "aks-agentpool-";
  static final String VIRTUAL_NODE = "virtual-node-aci-linux";

  @TempDir static Path dir;
  static Emulator emulator;
  static Kubectl kubectl;

  @BeforeAll
  static void start() throws IOException {
    Optional<Path> binary = Kubectl.find();
    Assumptions.assumeTrue(binary.isPresent(),
        "kubectl is not on the PATH: skipping the end-to-end test (.ci/run installs Debian's kubernetes-client)");
    emulator = Emulator.start("builtin:seed", 0, 200);
    Path kubeconfig = dir.resolve("kubeconfig");
    emulator.writeKubeconfig(kubeconfig);
    for (String f : List.of("helloworld-vn.yaml", "nginx-vn.yaml")) {
      try (InputStream in = KubectlEndToEndTest.class.getResourceAsStream("/io/hns/simulator/scenarios/seed/" + f)) {
        Files.write(dir.resolve(f), in.readAllBytes());
      }
    }
    kubectl = new Kubectl(binary.get(), kubeconfig, dir);
  }

  @AfterAll
  static void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  static List<String> rows(String table) {
    List<String> rows = new ArrayList<>(Arrays.asList(table.strip().split("\n")));
    if (!rows.isEmpty() && rows.get(0).startsWith("NAME")) {
      rows.remove(0);
    }
    rows.removeIf(String::isBlank);
    return rows;
  }

  /** Columns of `kubectl get pod -o wide`: NAME READY STATUS RESTARTS AGE IP NODE ... */
  static List<String[]> pods(String table, String prefix) {
    return rows(table).stream().map(r -> r.trim().split("\\s+")).filter(c -> c[0].startsWith(prefix)).toList();
  }

  static boolean allRunning(List<String[]> pods, int n) {
    return pods.size() == n && pods.stream().allMatch(c -> c[2].equals("Running") && c[1].equals("1/1"));
  }

  @Test
  @Order(1)
  void theArticleCommandsInOrder() {
    // kubectl get node: the VMSS node and the virtual node, Ready, with the cluster's versions.
    String nodes = kubectl.run("get", "node").ok().out();
    assertThat(nodes).contains("NAME", "STATUS", "ROLES", "AGE", "VERSION");
    assertThat(rows(nodes)).hasSize(2);
    assertThat(rows(nodes)).anySatisfy(r -> assertThat(r).startsWith(VM_NODE_PREFIX).contains("Ready", "agent", "v1.19.9"));
    assertThat(rows(nodes)).anySatisfy(r -> assertThat(r).startsWith(VIRTUAL_NODE).contains("Ready", "agent", "vk-azure-aci"));

    assertThat(kubectl.run("create", "namespace", "virtualnode").ok().out()).contains("namespace/virtualnode created");
    assertThat(kubectl.run("apply", "-f", "helloworld-vn.yaml").ok().out()).contains("deployment.apps/helloworld-vn created");

    // kubectl get pods -o wide: the pod on the virtual node, Running after the ACI delay, with an ACI subnet IP.
    String hello = kubectl.await(WAIT, out -> allRunning(pods(out, "helloworld-vn-"), 1), "helloworld-vn Running",
        "get", "pods", "-o", "wide", "-n", "virtualnode").out();
    String[] pod = pods(hello, "helloworld-vn-").get(0);
    assertThat(pod[5]).startsWith("10.241.0.");
    assertThat(pod[6]).isEqualTo(VIRTUAL_NODE);

    // kubectl describe pod: Events Scheduled, then ProviderCreateSuccess.
    String describe = kubectl.run("describe", "pod", pod[0], "-n", "virtualnode").ok().out();
    assertThat(describe).contains("Node:", VIRTUAL_NODE, "Status:", "Running", "IP:", pod[5], "Controlled By:", "ReplicaSet/helloworld-vn-",
        "Events:", "Scheduled", "default-scheduler", "ProviderCreateSuccess", "virtual-node-aci-linux/pod-controller");
    assertThat(describe.indexOf("Scheduled")).isLessThan(describe.indexOf("ProviderCreateSuccess"));

    assertThat(kubectl.run("delete", "-f", "helloworld-vn.yaml").ok().out()).contains("deployment.apps \"helloworld-vn\" deleted");
    kubectl.await(WAIT, out -> pods(out, "helloworld-vn-").isEmpty(), "helloworld-vn gone", "get", "pods", "-n", "virtualnode");

    // kubectl apply -f nginx-vn.yaml: one replica, on the VM node (weight-1 preference), VM subnet IP.
    assertThat(kubectl.run("apply", "-f", "nginx-vn.yaml").ok().out()).contains("deployment.apps/nginx-vn created");
    String one = kubectl.await(WAIT, out -> allRunning(pods(out, "nginx-vn-"), 1), "nginx-vn Running",
        "get", "pod", "-o", "wide", "-n", "virtualnode").out();
    assertThat(pods(one, "nginx-vn-").get(0)[6]).startsWith(VM_NODE_PREFIX);
    assertThat(pods(one, "nginx-vn-").get(0)[5]).startsWith("10.240.0.");

    // kubectl scale --replicas=20: 3 on the VM node, 17 on the virtual node.
    assertThat(kubectl.run("scale", "deployment", "nginx-vn", "--replicas=20", "-n", "virtualnode").ok().out())
        .contains("deployment.apps/nginx-vn scaled");
    String twenty = kubectl.await(WAIT, out -> allRunning(pods(out, "nginx-vn-"), 20), "20 nginx-vn pods Running",
        "get", "pod", "-o", "wide", "--namespace", "virtualnode").out();
    List<String[]> all = pods(twenty, "nginx-vn-");
    List<String[]> onVm = all.stream().filter(c -> c[6].startsWith(VM_NODE_PREFIX)).toList();
    List<String[]> onVirtual = all.stream().filter(c -> c[6].equals(VIRTUAL_NODE)).toList();
    assertThat(onVm).as("pods on the VM node:%n%s", twenty).hasSize(3);
    assertThat(onVirtual).as("pods on the virtual node:%n%s", twenty).hasSize(17);
    assertThat(onVm).allSatisfy(c -> assertThat(c[5]).startsWith("10.240.0."));
    assertThat(onVirtual).allSatisfy(c -> assertThat(c[5]).startsWith("10.241.0."));
    assertThat(all.stream().map(c -> c[5]).distinct().count()).as("distinct pod IPs").isEqualTo(20);

    assertThat(kubectl.run("rollout", "status", "deployment", "nginx-vn", "-n", "virtualnode", "--timeout=60s").ok().out())
        .contains("deployment \"nginx-vn\" successfully rolled out");

    // kubectl scale --replicas=2: the two survivors are on the VM node.
    assertThat(kubectl.run("scale", "deployment", "nginx-vn", "--replicas=2", "-n", "virtualnode").ok().out())
        .contains("deployment.apps/nginx-vn scaled");
    String two = kubectl.await(WAIT, out -> allRunning(pods(out, "nginx-vn-"), 2), "2 nginx-vn pods left",
        "get", "pod", "-o", "wide", "--namespace", "virtualnode").out();
    assertThat(pods(two, "nginx-vn-")).allSatisfy(c -> assertThat(c[6]).startsWith(VM_NODE_PREFIX));
  }

  @Test
  @Order(2)
  void eventsTopAndDeploymentsReadBack() {
    String events = kubectl.run("get", "events", "-n", "virtualnode").ok().out();
    assertThat(events).contains("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE", "ScalingReplicaSet",
        "deployment/nginx-vn", "SuccessfulCreate", "SuccessfulDelete", "Scheduled", "ProviderCreateSuccess",
        "ProviderDeleteSuccess", "Pulled", "Started");

    String top = kubectl.await(WAIT, out -> pods(out, "nginx-vn-").size() == 2, "pod metrics",
        "top", "pods", "-n", "virtualnode").out();
    assertThat(top).contains("CPU(cores)", "MEMORY(bytes)");
    assertThat(pods(top, "nginx-vn-")).allSatisfy(c -> {
      assertThat(c[1]).matches("\\d+m");
      assertThat(c[2]).matches("\\d+Mi");
    });
    assertThat(kubectl.run("top", "node").ok().out()).contains(VIRTUAL_NODE, VM_NODE_PREFIX, "CPU", "MEMORY");

    String deploy = kubectl.run("get", "deploy,rs", "-n", "virtualnode", "-o", "wide").ok().out();
    assertThat(deploy).contains("deployment.apps/nginx-vn", "2/2", "replicaset.apps/nginx-vn-", "app=nginx-vn");
    String yaml = kubectl.run("get", "deployment", "nginx-vn", "-n", "virtualnode", "-o", "yaml").ok().out();
    assertThat(yaml).contains("kubectl.kubernetes.io/last-applied-configuration", "readyReplicas: 2",
        "type: Available", "NewReplicaSetAvailable", "virtual-kubelet.io/provider");
    // A second apply of the same file changes nothing but the replicas it sets.
    assertThat(kubectl.run("apply", "-f", "nginx-vn.yaml").ok().out()).contains("deployment.apps/nginx-vn configured");
    kubectl.await(WAIT, out -> allRunning(pods(out, "nginx-vn-"), 1), "nginx-vn back to the file's 1 replica",
        "get", "pod", "-o", "wide", "-n", "virtualnode");
  }

  @Test
  @Order(3)
  void autoscaleGetHpaAndWatch() throws IOException {
    assertThat(kubectl.run("create", "namespace", "demo").ok().out()).contains("namespace/demo created");
    String web = Files.readString(dir.resolve("nginx-vn.yaml"), StandardCharsets.UTF_8)
        .replace("namespace: virtualnode", "namespace: demo").replace("nginx-vn", "web");
    Files.writeString(dir.resolve("web.yaml"), web, StandardCharsets.UTF_8);
    kubectl.run("apply", "-f", "web.yaml").ok();
    kubectl.await(WAIT, out -> allRunning(pods(out, "web-"), 1), "web Running", "get", "pods", "-n", "demo");

    assertThat(kubectl.run("autoscale", "deployment", "web", "--cpu-percent=50", "--min=2", "--max=5", "-n", "demo").ok().out())
        .contains("horizontalpodautoscaler.autoscaling/web autoscaled");
    // The HPA raises the replicas to its minimum and reports the pods' CPU against its target.
    String hpa = kubectl.await(WAIT, out -> out.matches("(?s).*web\\s+Deployment/web\\s+cpu: \\d+%/50%\\s+2\\s+5\\s+2\\s.*"),
        "the HPA with metrics at 2 replicas", "get", "hpa", "-n", "demo").out();
    assertThat(hpa).contains("REFERENCE", "TARGETS", "MINPODS", "MAXPODS", "REPLICAS");
    kubectl.await(WAIT, out -> allRunning(pods(out, "web-"), 2), "web at the HPA's minimum", "get", "pods", "-n", "demo");

    // kubectl get -w sees the pods that a scale-up creates, until they run.
    Kubectl.Background watch = kubectl.start("get", "pods", "-n", "demo", "-w");
    kubectl.await(WAIT, out -> out.contains("web-"), "the watch's first list", "get", "pods", "-n", "demo");
    kubectl.run("delete", "hpa", "web", "-n", "demo").ok();
    kubectl.run("scale", "deployment", "web", "--replicas=4", "-n", "demo").ok();
    String watched = watch.stopWhen(WAIT, out -> out.lines().filter(l -> l.startsWith("web-") && l.contains("Running")
        && l.contains("1/1")).map(l -> l.split("\\s+")[0]).distinct().count() >= 4);
    assertThat(watched).contains("NAME", "READY", "STATUS");
    assertThat(watched.lines().filter(l -> l.startsWith("web-")).map(l -> l.split("\\s+")[0]).distinct().count())
        .as("pods seen by kubectl get -w:%n%s", watched).isGreaterThanOrEqualTo(4);
    assertThat(watched).contains("Pending");

    assertThat(kubectl.run("delete", "namespace", "demo").ok().out()).contains("namespace \"demo\" deleted");
    kubectl.await(WAIT, out -> !out.contains("demo"), "namespace demo gone", "get", "namespaces");
  }

  @Test
  @Order(4)
  void discoveryAndNodeCommands() {
    String resources = kubectl.run("api-resources").ok().out();
    assertThat(resources).contains("pods", "po", "deployments", "deploy", "replicasets", "rs", "nodes", "no",
        "namespaces", "ns", "horizontalpodautoscalers", "hpa", "events", "ev", "leases", "poddisruptionbudgets",
        "metrics.k8s.io/v1beta1");
    String node = rows(kubectl.run("get", "node").ok().out()).stream().filter(r -> r.startsWith(VM_NODE_PREFIX))
        .findFirst().orElseThrow().split("\\s+")[0];
    assertThat(kubectl.run("cordon", node).ok().out()).contains("cordoned");
    assertThat(kubectl.run("get", "node", node).ok().out()).contains("Ready,SchedulingDisabled");
    assertThat(kubectl.run("uncordon", node).ok().out()).contains("uncordoned");
    String describe = kubectl.run("describe", "node", node).ok().out();
    assertThat(describe).contains("Capacity:", "Allocatable:", "Non-terminated Pods:", "kube-proxy", "Lease:", "HolderIdentity");
    assertThat(kubectl.run("version").out()).contains("Server Version", "v1.19.9");
  }
}
