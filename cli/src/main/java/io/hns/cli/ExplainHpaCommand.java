package io.hns.cli;

import io.hns.model.cluster.Times;
import io.hns.model.hpa.HpaControllerConfig;
import io.hns.model.hpa.HpaDecision;
import io.hns.model.hpa.HpaHistory;
import io.hns.model.hpa.HpaReconciler;
import io.hns.model.hpa.MetricsEvaluator;
import io.hns.model.hpa.MetricsRecommendation;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hns explain hpa}: one sync of the HPA controller on exported manifests. */
@Command(
    name = "hpa",
    mixinStandardHelpOptions = true,
    description = {
      "Explain the replica count the HorizontalPodAutoscaler controller would compute.",
      "The pods counted are those of --pods in the HPA's namespace; with --target, only those its selector matches.",
      "desiredReplicas assumes a controller with no earlier recommendations or scale events, so no stabilization "
          + "window holds it back."
    })
public final class ExplainHpaCommand implements Callable<Integer> {
  private static final HpaControllerConfig CONFIG = HpaControllerConfig.DEFAULTS;

  @Spec CommandSpec spec;

  @Option(names = "--hpa", required = true, paramLabel = "FILE",
      description = "The HorizontalPodAutoscaler (autoscaling/v2 or v1), YAML or JSON.")
  Path hpaFile;

  @Option(names = "--pods", required = true, paramLabel = "FILE",
      description = "The pods (kubectl get pods -o yaml|json).")
  Path podsFile;

  @Option(names = "--metrics", required = true, paramLabel = "FILE",
      description = "Their samples: kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/NS/pods")
  Path metricsFile;

  @Option(names = "--target", paramLabel = "FILE",
      description = "The Deployment or ReplicaSet the HPA scales: its selector picks the pods and its spec.replicas "
          + "is the current count. Without it every pod in the HPA's namespace counts.")
  Path targetFile;

  @Option(names = "--replicas", paramLabel = "N",
      description = "The target's current spec.replicas (default: --target's spec.replicas, else the active pods).")
  Integer replicas;

  @Option(names = "--now", paramLabel = "RFC3339", description = "The controller's clock (default: the newest sample).")
  String now;

  @Option(names = "--output", paramLabel = "FORMAT", description = "text (default) or json.")
  String output = "text";

  @Override
  public Integer call() {
    if (!output.equals("text") && !output.equals("json")) {
      throw new UsageError("--output: \"" + output + "\" is not text or json");
    }
    if (replicas != null && replicas < 0) {
      throw new UsageError("--replicas: must not be negative");
    }
    HpaInputs in = HpaInputs.load(hpaFile, podsFile, metricsFile, targetFile);
    long clock = clock(in);
    int current = replicas != null ? replicas : in.target() != null ? in.target().replicas() : in.activePods();
    String currentSource = replicas != null ? "--replicas"
        : in.target() != null ? in.target().kind() + " spec.replicas" : "active pods";

    // The controller skips the metrics when the count is out of range; the explanation still shows them.
    MetricsRecommendation metrics = new MetricsEvaluator(CONFIG).evaluate(in.hpa(), current, in.pods(), in.samples(), clock);
    if (metrics.decisive() == null) {
      throw new UsageError("the HPA cannot compute a replica count: " + metrics.error());
    }
    HpaDecision decision = new HpaReconciler(CONFIG)
        .reconcile(in.hpa(), current, in.pods(), in.samples(), HpaHistory.NO_RECOMMENDATIONS, clock);

    HpaReport report = new HpaReport(in, CONFIG, clock, current, currentSource, metrics, decision);
    if (output.equals("json")) {
      spec.commandLine().getOut().println(report.json());
    } else {
      spec.commandLine().getOut().print(report.text());
    }
    if (metrics.error() != null && output.equals("json")) {
      spec.commandLine().getErr().println("hns: warning: " + metrics.error());
    }
    spec.commandLine().getOut().flush();
    return 0;
  }

  private long clock(HpaInputs in) {
    if (now != null) {
      try {
        long t = Times.parse(now);
        if (!Times.isSet(t)) {
          throw new IllegalArgumentException("empty");
        }
        return t;
      } catch (IllegalArgumentException e) {
        throw new UsageError("--now: " + e.getMessage());
      }
    }
    if (in.samples().isEmpty()) {
      throw new UsageError(metricsFile + ": no samples for the HPA's pods in namespace " + in.hpa().namespace()
          + ", so there is no time to default --now to");
    }
    return in.newestSample();
  }
}
