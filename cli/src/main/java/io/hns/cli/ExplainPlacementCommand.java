package io.hns.cli;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.manifest.Manifests;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.NodeEvaluation;
import io.hns.model.scheduler.Placement;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import io.hns.model.scheduler.WeightedScorer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hns explain placement}: the scheduler's filter and score table for one pod. */
@Command(
    name = "placement",
    mixinStandardHelpOptions = true,
    description = {
      "Show where kube-scheduler would place a pod and why: each node's filter verdict,",
      "per-plugin normalized scores (0..100, before weights) and the weighted total."
    })
public final class ExplainPlacementCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--nodes", required = true, paramLabel = "FILE",
      description = "Nodes: kubectl get nodes -o json|yaml output, a NodeList or Node objects.")
  Path nodesFile;

  @Option(names = "--pod", required = true, paramLabel = "FILE",
      description = "A Pod, or a Deployment/ReplicaSet whose template pod is placed.")
  Path podFile;

  @Option(names = "--pods", paramLabel = "FILE",
      description = "Pods already bound to nodes (spec.nodeName); they count toward node usage.")
  Path boundPodsFile;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the tie-break stream (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--profile", defaultValue = SchedulerProfile.CURRENT,
      description = "Scheduler profile: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).",
      completionCandidates = ProfileNames.class)
  String profile;

  @Option(names = "--output", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
  OutputFormat output;

  /** Picocli completion candidates for --profile. */
  static final class ProfileNames extends ArrayList<String> {
    ProfileNames() {
      super(SchedulerProfile.NAMES);
    }
  }

  @Override
  public Integer call() {
    List<Node> nodes = Manifests.nodes(nodesFile);
    Pod pod = Manifests.podOrTemplate(podFile);
    List<Pod> bound = boundPodsFile == null ? List.of() : Manifests.pods(boundPodsFile);
    for (Pod p : bound) {
      if (p.isAssigned() && nodes.stream().noneMatch(n -> n.name().equals(p.nodeName()))) {
        throw new UsageError(boundPodsFile + ": pod " + p.key() + " is bound to node \"" + p.nodeName()
            + "\", which is not in " + nodesFile);
      }
    }
    SchedulerProfile prof = SchedulerProfile.named(profile);
    ClusterSnapshot snapshot = ClusterSnapshot.of(nodes, bound.stream().filter(Pod::isActive).toList());
    Placement placement = new Scheduler(prof).schedule(pod, snapshot, new SplittableRandom(seed), true);
    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.json) {
      Json.print(out, json(pod, prof, placement));
    } else {
      new PlacementTable(prof, placement).print(out, pod.key());
    }
    return 0;
  }

  private static Map<String, Object> json(Pod pod, SchedulerProfile prof, Placement p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pod", pod.key());
    m.put("profile", prof.name());
    List<Map<String, Object>> nodes = new ArrayList<>();
    List<String> feasible = new ArrayList<>();
    for (NodeEvaluation e : p.evaluations()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("name", e.node());
      n.put("feasible", e.feasible());
      n.put("reasons", e.reasons());
      n.put("scores", e.scores());
      n.put("total", e.total());
      nodes.add(n);
      if (e.feasible()) {
        feasible.add(e.node());
      }
    }
    m.put("nodes", nodes);
    m.put("feasible", feasible);
    m.put("ranking", p.ranking());
    m.put("selected", p.node());
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (WeightedScorer w : prof.scorers()) {
      weights.merge(w.plugin().name(), w.weight(), Integer::sum);
    }
    m.put("weights", weights);
    if (!p.scheduled()) {
      m.put("message", p.failureMessage());
    }
    return m;
  }
}
