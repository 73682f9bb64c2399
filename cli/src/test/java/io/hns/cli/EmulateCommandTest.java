package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns emulate}: serves the seed cluster, writes a kubeconfig that kubectl uses, refuses bad options. */
class EmulateCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cl = Hns.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Optional<Path> kubectl() {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(d, "kubectl");
      if (Files.isExecutable(p)) return Optional.of(p);
    }
    return Optional.empty();
  }

  @Test
  void servesTheSeedClusterToKubectlThroughTheKubeconfig() throws Exception {
    Optional<Path> kubectl = kubectl();
    Assumptions.assumeTrue(kubectl.isPresent(), "kubectl is not on the PATH: skipping (.ci/run installs kubernetes-client)");
    Path kubeconfig = dir.resolve("kc.yaml");
    Run[] result = new Run[1];
    Thread t = new Thread(() -> result[0] = run("emulate", "--port", "0", "--speed", "100", "--kubeconfig-out",
        kubeconfig.toString(), "--stop-after", "5"));
    t.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!Files.exists(kubeconfig) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(kubeconfig).exists();
    assertThat(Files.readString(kubeconfig)).contains("server: http://127.0.0.1:", "current-context: hns-seed");
    ProcessBuilder pb = new ProcessBuilder(kubectl.get().toString(), "--kubeconfig", kubeconfig.toString(), "get", "node");
    pb.environment().put("HOME", dir.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("virtual-node-aci-linux", "aks-agentpool-", "Ready", "v1.19.9");
    t.join(30_000);
    assertThat(result[0].code()).as(result[0].err()).isZero();
    assertThat(result[0].out()).contains("hns emulate: seed (Kubernetes v1.19.9) at http://127.0.0.1:", "100x real time",
        "kubeconfig: " + kubeconfig, "stopped after");
  }

  @Test
  void badOptionsExitWithCode2() {
    Run speed = run("emulate", "--speed", "0");
    assertThat(speed.code()).isEqualTo(2);
    assertThat(speed.err()).contains("--speed must be a positive number");
    Run port = run("emulate", "--port", "70000");
    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("--port must be within [0, 65535]");
    Run scenario = run("emulate", "builtin:nope", "--stop-after", "1");
    assertThat(scenario.code()).isEqualTo(2);
    assertThat(scenario.err()).contains("builtin:nope");
  }
}
