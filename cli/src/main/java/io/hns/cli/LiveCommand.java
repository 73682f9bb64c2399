package io.hns.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hns.live.DecisionSink;
import io.hns.live.Reconciler;
import io.hns.live.config.LiveConfig;
import io.hns.live.policy.LivePolicies;
import io.hns.live.run.Clients;
import io.hns.live.run.LiveRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hns live}: the policy engine against a real cluster, dry run unless {@code --apply}. */
@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    description = {
      "Run a policy against a real cluster at the policy's period. Without --apply it is a dry run:",
      "each decision is printed with what the policy saw and what it would do, and nothing changes.",
      "With --apply it acts within the config's bounds, as the Lease holder only, and stops acting",
      "(still observing) when the cluster disagrees with what it expects. SIGTERM shuts down cleanly.",
      "Serves /healthz, /readyz and /metrics (Prometheus) on the config's port."
    })
public final class LiveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: in-cluster service account).")
  Path kubeconfig;

  @Option(names = "--context", description = "Kubeconfig context (default: its current context).")
  String context;

  @Option(names = "--namespace", paramLabel = "NS", required = true,
      description = "Namespace to watch and act in (repeatable; the config may add more).")
  List<String> namespaces;

  @Option(names = "--policy", paramLabel = "NAME", required = true,
      description = "Policy: manifest, vmss-only, aci-only, burst, burst-backfill, overprovision (docs/policies.md).")
  String policy;

  @Option(names = "--policy-config", paramLabel = "FILE",
      description = "Bounds, guard, leader election, pools, and the policy's parameters under policy: (YAML).")
  Path policyConfig;

  @Option(names = "--apply", description = "Act on the cluster (default: dry run).")
  boolean apply;

  @Option(names = "--port", description = "Port of /healthz, /readyz, /metrics (overrides the config; 0 picks one).")
  Integer port;

  @Option(names = "--identity", description = "Leader election identity (default: $POD_NAME or the host name).")
  String identity;

  @Option(names = "--once", description = "Run one loop and exit (no HTTP server): a quick dry-run check.")
  boolean once;

  @Override
  public Integer call() throws Exception {
    Set<String> ns = new LinkedHashSet<>(namespaces);
    LiveConfig config = policyConfig != null ? LiveConfig.load(policyConfig, ns) : LiveConfig.defaults(ns);
    if (port != null) {
      config = config.withPort(port);
    }
    Reconciler reconciler = LivePolicies.create(policy, config);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    DecisionSink print = d -> {
      synchronized (out) {
        out.println(d.format());
        out.flush();
      }
    };
    out.println("hns live: " + reconciler.name() + " every " + seconds(reconciler.period()) + " s in "
        + config.bounds().namespaces() + "; " + (apply
            ? "acting" + (config.leaderElection() ? " while holding Lease " + config.leaseNamespace() + "/" + config.leaseName() : "")
            : "dry run, nothing is changed"));
    out.flush();
    KubernetesClient client = Clients.connect(kubeconfig, context);
    LiveRunner runner = new LiveRunner(client, config, reconciler, apply, identity(), print, err, Clock.systemUTC());
    if (once) {
      try (client; runner) {
        runner.start(false, false);
        runner.tick();
      }
      return 0;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      // SIGTERM or Ctrl-C: stop the loop, remove own placeholders as leader, release the Lease.
      runner.close();
      client.close();
      stopped.countDown();
    }, "hns-live-shutdown"));
    runner.start(true, true);
    err.println("hns live: serving /healthz, /readyz, /metrics on port " + runner.httpPort());
    err.flush();
    stopped.await();
    return 0;
  }

  private static String seconds(java.time.Duration d) {
    return d.toMillis() % 1000 == 0 ? Long.toString(d.toSeconds()) : Double.toString(d.toMillis() / 1000.0);
  }

  private String identity() {
    if (identity != null) return identity;
    String pod = System.getenv("POD_NAME");
    if (pod != null && !pod.isBlank()) return pod;
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "hns-" + ProcessHandle.current().pid();
    }
  }
}
