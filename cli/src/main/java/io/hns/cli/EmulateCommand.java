package io.hns.cli;

import io.hns.emulator.Emulator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hns emulate}: the simulated cluster of a scenario, served as a Kubernetes API for kubectl. */
@Command(
    name = "emulate",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the simulated AKS cluster of a scenario as a Kubernetes API on 127.0.0.1, so that kubectl",
      "(or any Kubernetes client) drives it: the scenario's nodes, system pods and virtual node, without",
      "its scripted actions. Time runs at --speed times real time. Stop with Ctrl-C."
    })
public final class EmulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "A scenario YAML file, or builtin:NAME (default: builtin:seed).")
  String scenario = "builtin:seed";

  @Option(names = "--port", paramLabel = "P", description = "Port on 127.0.0.1 (default: 0, any free port).")
  int port;

  @Option(names = "--speed", paramLabel = "X", description = "Simulated seconds per real second (default: 1).")
  double speed = 1;

  @Option(names = "--kubeconfig-out", paramLabel = "FILE",
      description = "Write a kubeconfig for the emulator here (use: kubectl --kubeconfig FILE get node).")
  Path kubeconfig;

  @Option(names = "--stop-after", paramLabel = "SECONDS", description = "Stop after this many real seconds (default: run until interrupted).")
  Double stopAfter;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65535) {
      throw new UsageError("--port must be within [0, 65535], got " + port);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new UsageError("--speed must be a positive number, got " + speed);
    }
    if (stopAfter != null && !(stopAfter > 0)) {
      throw new UsageError("--stop-after must be a positive number of seconds, got " + stopAfter);
    }
    PrintWriter out = spec.commandLine().getOut();
    CountDownLatch stop = new CountDownLatch(1);
    try (Emulator emulator = Emulator.start(scenario, port, speed)) {
      Thread hook = new Thread(stop::countDown, "hns-emulate-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      if (kubeconfig != null) {
        emulator.writeKubeconfig(kubeconfig);
      }
      out.printf("hns emulate: %s (Kubernetes %s) at %s, %sx real time%n", emulator.scenarioName(),
          emulator.kubernetesVersion(), emulator.url(), fmt(speed));
      if (kubeconfig != null) {
        out.printf("kubeconfig: %s   (kubectl --kubeconfig %s get node)%n", kubeconfig, kubeconfig);
      } else {
        out.printf("kubectl --server %s get node%n", emulator.url());
      }
      out.flush();
      if (stopAfter != null) {
        stop.await((long) (stopAfter * 1000), TimeUnit.MILLISECONDS);
      } else {
        stop.await();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
      out.printf("hns emulate: stopped after %.0f simulated seconds%n", emulator.simulatedMs() / 1000.0);
      out.flush();
    }
    return 0;
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
