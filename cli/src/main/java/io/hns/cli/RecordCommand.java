package io.hns.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hns.live.config.ConfigNode;
import io.hns.live.record.ClusterRecorder;
import io.hns.live.run.Clients;
import io.hns.traces.recorded.RecordedTraceWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hns record}: watch a namespace and write the recorded trace (JSONL, flushed per line). */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Watch a namespace and its nodes and write a recorded trace (the format of docs/traces.md): node",
      "created/Ready times by pool, pod created/scheduled/running/Ready/deleted times by node kind,",
      "replicas, pods by node kind and CPU from the metrics API every --load-interval, and the",
      "namespace's events. Each line is flushed as written, so stopping at any time (Ctrl-C, SIGTERM,",
      "--duration) keeps everything recorded so far. hns calibrate fits latencies from it; hns replay",
      "--format recorded --metric cpu_millicores replays its load."
    })
public final class RecordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig (default: in-cluster service account).")
  Path kubeconfig;

  @Option(names = "--context", description = "Kubeconfig context.")
  String context;

  @Option(names = "--namespace", paramLabel = "NS", required = true, description = "Namespace to record.")
  String namespace;

  @Option(names = "--out", paramLabel = "FILE.jsonl", required = true, description = "Trace file (overwritten).")
  Path out;

  @Option(names = "--duration", paramLabel = "D", description = "Stop after this long (10m, 1h30m); default: until stopped.")
  String duration;

  @Option(names = "--load-interval", paramLabel = "D", defaultValue = "15s", description = "How often to sample pods by node kind and CPU usage (default 15s).")
  String loadInterval;

  @Override
  public Integer call() throws Exception {
    Duration stopAfter = duration == null ? null : parse("--duration", duration);
    Duration loadEvery = parse("--load-interval", loadInterval);
    KubernetesClient client = Clients.connect(kubeconfig, context);
    RecordedTraceWriter writer = RecordedTraceWriter.open(out, false);
    var err = spec.commandLine().getErr();
    String cluster = client.getConfiguration().getCurrentContext() != null
        ? client.getConfiguration().getCurrentContext().getName() : client.getMasterUrl().getHost();
    ClusterRecorder recorder = new ClusterRecorder(client, namespace, writer, Clock.systemUTC(), loadEvery, cluster,
        spec.root().version()[0].replace("hns ", "hns record "), msg -> {
      err.println("hns record: " + msg);
      err.flush();
    });
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook = new Thread(stop::countDown, "hns-record-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try (client; writer; recorder) {
      recorder.start();
      err.println("hns record: recording " + namespace + " to " + out + (stopAfter == null ? "; stop with Ctrl-C" : " for " + duration));
      err.flush();
      if (stopAfter == null) {
        stop.await();
      } else {
        stop.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
      }
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
    return 0;
  }

  private static Duration parse(String option, String text) {
    Duration d = ConfigNode.parseDuration(text);
    if (d == null || d.isZero()) {
      throw new UsageError(option + ": \"" + text + "\" is not a positive duration (30s, 10m, 1h30m)");
    }
    return d;
  }
}
