package io.hns.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Times;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.manifest.SourcedObject;
import io.hns.model.replicaset.LogarithmicAge;
import io.hns.model.replicaset.PodDeletionCost;
import io.hns.model.replicaset.RankedPod;
import io.hns.model.replicaset.ReplicaSetScaleDown;
import io.hns.model.replicaset.RuleDecision;
import io.hns.model.replicaset.ScaleDownPlan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hns explain scale-down}: which pods a ReplicaSet deletes when scaled down to N replicas,
 * and the rule of {@code ActivePodsWithRanks.Less} that put each pod on its side of the cut.
 */
@Command(
    name = "scale-down",
    mixinStandardHelpOptions = true,
    description = {
        "Explain which pods a ReplicaSet deletes when scaled down to N replicas "
            + "(pkg/controller/replicaset getPodsToDelete, ranked by ActivePodsWithRanks.Less).",
        "The candidates are the active pods of --owner (default: all active pods in the file). "
            + "Every active pod in the file counts for the co-location rank, as the pods of all "
            + "ReplicaSets of a Deployment do."})
public final class ExplainScaleDownCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec
  private CommandSpec spec;

  @Option(names = "--pods", required = true, paramLabel = "FILE",
      description = "Pods, e.g. kubectl get pods -o json (PodList, List, YAML documents).")
  private Path podsFile;

  @Option(names = "--replicas", required = true, paramLabel = "N", description = "The new replica count (0 or more).")
  private int replicas;

  @Option(names = "--owner", paramLabel = "NAME",
      description = "Name of the controlling owner (the ReplicaSet) whose pods are the candidates.")
  private String owner;

  @Option(names = "--now", paramLabel = "RFC3339",
      description = "Reference time of the age buckets (default: the latest creation or ready time in the file).")
  private String now;

  @Option(names = "--output", paramLabel = "FORMAT",
      description = "json: {\"delete\": [names in deletion order], \"keep\": [names in file order]}.")
  private String output;

  @Override
  public Integer call() {
    if (replicas < 0) {
      throw new UsageError("--replicas must be 0 or more, got " + replicas);
    }
    if (output != null && !output.equals("json")) {
      throw new UsageError("--output: unknown format \"" + output + "\" (the only one is json)");
    }
    List<Pod> pods = readPods();
    List<Pod> active = pods.stream().filter(Pod::isActive).toList();
    List<Pod> candidates = active.stream().filter(this::isCandidate).toList();
    if (owner != null && candidates.isEmpty()) {
      throw new UsageError(podsFile + ": no active pod is controlled by \"" + owner + "\" (owners found: "
          + String.join(", ", ownerNames(active)) + ")");
    }
    long reference = referenceTime(pods);
    int diff = Math.max(0, candidates.size() - replicas);
    ScaleDownPlan plan = ReplicaSetScaleDown.plan(candidates, active, diff, reference);

    PrintWriter out = spec.commandLine().getOut();
    if (output != null) {
      out.println(json(plan, candidates));
    } else {
      printExplanation(out, plan, pods, candidates, diff, reference);
    }
    out.flush();
    return 0;
  }

  private List<Pod> readPods() {
    List<Pod> pods = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read(podsFile)) {
      pods.add(PodCompiler.compile(o));
    }
    return pods;
  }

  private boolean isCandidate(Pod pod) {
    return owner == null || (pod.owner() != null && owner.equals(pod.owner().name()));
  }

  private static Set<String> ownerNames(List<Pod> pods) {
    Set<String> names = new TreeSet<>();
    for (Pod pod : pods) {
      names.add(pod.owner() == null ? "(none)" : pod.owner().name());
    }
    return names;
  }

  /**
   * --now, or else the latest creation or ready time in the file, so that an explanation of a
   * saved file does not change with the day it is run; the wall clock only when the file has no
   * times at all.
   */
  private long referenceTime(List<Pod> pods) {
    if (now != null) {
      try {
        long parsed = Times.parse(now);
        if (!Times.isSet(parsed)) {
          throw new UsageError("--now: give an RFC 3339 time such as 2025-06-01T12:00:00Z");
        }
        return parsed;
      } catch (IllegalArgumentException e) {
        throw new UsageError("--now: " + e.getMessage());
      }
    }
    long latest = Times.UNSET;
    for (Pod pod : pods) {
      latest = Math.max(latest, Math.max(pod.creationTime(), pod.readyTransitionTime()));
    }
    return Times.isSet(latest) ? latest : System.currentTimeMillis();
  }

  private static String json(ScaleDownPlan plan, List<Pod> candidates) {
    ObjectNode result = JSON.createObjectNode();
    var delete = result.putArray("delete");
    // Identity, not equals: two pods in a file may be field-for-field equal (a copied item).
    Set<Pod> deleted = Collections.newSetFromMap(new IdentityHashMap<>());
    for (RankedPod r : plan.deleted()) {
      delete.add(r.pod().name());
      deleted.add(r.pod());
    }
    var keep = result.putArray("keep");
    for (Pod pod : candidates) {
      if (!deleted.contains(pod)) {
        keep.add(pod.name());
      }
    }
    return result.toString();
  }

  private void printExplanation(PrintWriter out, ScaleDownPlan plan, List<Pod> pods, List<Pod> candidates,
      int diff, long reference) {
    out.printf("%d candidate pods (%s), %d replicas wanted: delete %d%s.%n", candidates.size(),
        owner == null ? "all active pods" : "owner " + owner, replicas, plan.deleteCount(),
        diff > plan.deleteCount() && plan.sorted()
            ? " now (burstReplicas caps a sync at " + ReplicaSetScaleDown.BURST_REPLICAS + ", the rest in later syncs)" : "");
    out.printf("Ages are log2 buckets of nanoseconds before %s; rank = active pods on the same node.%n%n",
        Times.format(reference));

    TextTable table = new TextTable("#", "POD", "NODE", "RANK", "PHASE", "READY", "COST", "READY-AGE", "VERDICT", "DECIDED BY");
    for (int i = 0; i < plan.order().size(); i++) {
      RankedPod r = plan.order().get(i);
      Pod pod = r.pod();
      table.row(String.valueOf(i + 1), pod.name(), nodeOf(pod), String.valueOf(r.rank()), pod.phase().wireName(),
          pod.isReady() ? "True" : "False", String.valueOf(PodDeletionCost.of(pod)), readyAge(pod, reference),
          i < plan.deleteCount() ? "delete" : "keep", reason(plan, i));
    }
    Set<Pod> ranked = Collections.newSetFromMap(new IdentityHashMap<>());
    ranked.addAll(candidates);
    for (Pod pod : pods) {
      if (!ranked.contains(pod)) {
        table.row("-", pod.name(), nodeOf(pod), "-", pod.phase().wireName(), pod.isReady() ? "True" : "False",
            String.valueOf(PodDeletionCost.of(pod)), readyAge(pod, reference), "-",
            pod.isActive() ? "not a candidate (other owner); counted in ranks" : "inactive; ignored");
      }
    }
    table.print(out);
  }

  private static String nodeOf(Pod pod) {
    return pod.isAssigned() ? pod.nodeName() : "<unassigned>";
  }

  /** The bucket rule 6 compares; "zero" for a ready pod without a ready time, "-" if not ready. */
  private static String readyAge(Pod pod, long reference) {
    if (!pod.isReady()) {
      return "-";
    }
    if (!Times.isSet(pod.readyTransitionTime())) {
      return "zero";
    }
    return String.valueOf(LogarithmicAge.bucket(pod.readyTransitionTime(), reference));
  }

  private String reason(ScaleDownPlan plan, int index) {
    if (plan.deleteCount() == 0) {
      return "replicas >= candidates: nothing to delete";
    }
    if (!plan.sorted()) {
      return "every candidate goes: no ranking";
    }
    RuleDecision decision = plan.decisionAtCut(index).orElseThrow();
    String other = plan.counterpartAtCut(index).orElseThrow().pod().name();
    if (decision.order() == 0) {
      return "tie with " + other + " (" + decision.rule() + "); file order decides";
    }
    return decision.rule() + " vs " + other;
  }
}
