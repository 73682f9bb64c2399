package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.AutoscalerEvents.NORMAL;
import static io.hns.model.autoscaler.AutoscalerEvents.STATUS_OBJECT;
import static io.hns.model.autoscaler.AutoscalerEvents.WARNING;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * One scale-up attempt (CA {@code core/static_autoscaler.go} pending-pod handling and
 * {@code core/scaleup/orchestrator/orchestrator.go}, {@code executor.go}):
 *
 * <ol>
 *   <li>pending pods: {@code PodScheduled=False/Unschedulable}, unassigned, active, not expendable
 *       (priority below the cutoff) and older than {@code new-pod-scale-up-delay};
 *   <li>drop those the snapshot (Ready nodes, the virtual node, upcoming nodes) can hold;
 *   <li>skip groups in backoff or at max size; for each other group, the equivalence groups whose
 *       pod passes the filters on the group's template are its candidates; the binpacking estimator
 *       turns them into a node count, capped by the group's headroom and {@code max-nodes-total};
 *   <li>the expander picks an option; {@code increaseSize} carries it out.
 * </ol>
 *
 * Events as upstream: {@code TriggeredScaleUp} on each pod the chosen option helps;
 * {@code NotTriggerScaleUp} with the aggregated per-group reasons on the pods no group could help,
 * only when no scale-up happened; {@code ScaledUpGroup} / {@code FailedToScaleUpGroup} on the status
 * object. Balancing similar groups is off on AKS and not modelled.
 */
final class ScaleUpOrchestrator {
  /** The outcome of one attempt. */
  record Outcome(Kind kind, NodeGroup group, int delta, NodeGroupException error) {
    enum Kind {
      /** Nothing pending that the existing and upcoming nodes cannot hold. */
      NOT_NEEDED,
      /** Pending pods no group can help now. */
      NO_OPTIONS,
      SCALED_UP,
      /** The cloud refused the increase. */
      FAILED
    }

    static final Outcome NOT_NEEDED = new Outcome(Kind.NOT_NEEDED, null, 0, null);
    static final Outcome NO_OPTIONS = new Outcome(Kind.NO_OPTIONS, null, 0, null);
  }

  private final AutoscalerConfig config;
  private final Scheduler scheduler;
  private final SchedulablePodFilter filter;
  private final BinpackingEstimator estimator;
  private final Expander expander;

  ScaleUpOrchestrator(AutoscalerConfig config, Scheduler scheduler) {
    this.config = config;
    this.scheduler = scheduler;
    this.filter = new SchedulablePodFilter(scheduler);
    this.estimator = new BinpackingEstimator(scheduler);
    this.expander = Expander.forConfig(config);
  }

  /** The pods the autoscaler tries to help in this loop. */
  List<Pod> pendingPods(LoopInputs in) {
    long delay = config.newPodScaleUpDelay().toMillis();
    List<Pod> out = new ArrayList<>();
    for (Pod p : in.allPods) {
      if (!p.unschedulable() || p.isAssigned() || !p.isActive()) {
        continue;
      }
      if (p.spec().priority() < config.expendablePodsPriorityCutoff()) {
        continue;
      }
      if (delay > 0 && p.creationTime() + delay > in.now) {
        continue;
      }
      out.add(p);
    }
    return out;
  }

  /**
   * Runs the attempt against {@code snapshot}; pods placed on existing or upcoming nodes stay there
   * (the scale-down simulation then sees them).
   *
   * @param upcomingNodes nodes requested and not yet Ready, all groups together
   */
  Outcome scaleUp(LoopInputs in, ClusterSnapshot snapshot, Map<String, NodeTemplate> templates,
      int upcomingNodes, NodeGroupBackoff backoff, ClusterActions actions, RandomGenerator random) {
    List<Pod> pending = pendingPods(in);
    if (pending.isEmpty()) {
      return Outcome.NOT_NEEDED;
    }
    List<PodEquivalenceGroup> unhelped = filter.filterOutSchedulable(PodEquivalenceGroup.build(pending), snapshot);
    if (unhelped.isEmpty()) {
      return Outcome.NOT_NEEDED;
    }
    int currentNodes = upcomingNodes;
    for (Node n : in.nodes) {
      if (n.ready()) {
        currentNodes++;
      }
    }
    if (config.maxNodesTotal() > 0 && currentNodes >= config.maxNodesTotal()) {
      actions.event(STATUS_OBJECT, WARNING, AutoscalerEvents.MAX_NODES_TOTAL_REACHED,
          "Max total nodes in cluster reached: " + config.maxNodesTotal());
      notTriggered(unhelped, actions, "max total nodes in cluster reached");
      return Outcome.NO_OPTIONS;
    }

    Map<String, String> skipped = new LinkedHashMap<>();
    List<NodeGroup> valid = new ArrayList<>();
    for (NodeGroup g : in.groups) {
      if (backoff.isBackedOff(g.id(), in.now)) {
        skipped.put(g.id(), AutoscalerEvents.BACKOFF_REASON);
      } else if (g.targetSize() >= g.maxSize()) {
        skipped.put(g.id(), AutoscalerEvents.MAX_LIMIT_REACHED_REASON);
      } else {
        valid.add(g);
      }
    }

    Map<PodEquivalenceGroup, Map<String, List<String>>> rejected = new IdentityHashMap<>();
    Set<PodEquivalenceGroup> schedulableSomewhere = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    List<ExpansionOption> options = new ArrayList<>();
    for (NodeGroup g : valid) {
      NodeTemplate template = templates.get(g.id());
      List<PodEquivalenceGroup> fitting = schedulableOn(template, unhelped, snapshot, rejected);
      if (fitting.isEmpty()) {
        continue;
      }
      schedulableSomewhere.addAll(fitting);
      int maxNodes = g.maxSize() - g.targetSize();
      if (config.maxNodesTotal() > 0) {
        maxNodes = Math.min(maxNodes, config.maxNodesTotal() - currentNodes);
      }
      BinpackingEstimator.Estimate est = estimator.estimate(fitting, template, maxNodes, snapshot);
      if (est.nodeCount() > 0 && !est.pods().isEmpty()) {
        options.add(new ExpansionOption(g, template, est.nodeCount(), est.pods()));
      }
    }

    if (options.isEmpty()) {
      List<PodEquivalenceGroup> hopeless = new ArrayList<>();
      for (PodEquivalenceGroup eg : unhelped) {
        if (!schedulableSomewhere.contains(eg)) {
          hopeless.add(eg);
        }
      }
      for (PodEquivalenceGroup eg : hopeless) {
        String message = reasonsMessage(rejected.getOrDefault(eg, Map.of()), skipped);
        notTriggered(List.of(eg), actions, message);
      }
      return Outcome.NO_OPTIONS;
    }

    ExpansionOption best = expander.bestOption(options, random);
    NodeGroup g = best.group();
    int current = g.targetSize();
    int next = current + best.nodeCount();
    actions.event(STATUS_OBJECT, NORMAL, AutoscalerEvents.SCALED_UP_GROUP, String.format(
        "Scale-up: setting group %s size to %d instead of %d (max: %d)", g.id(), next, current, g.maxSize()));
    try {
      g.increaseSize(best.nodeCount());
    } catch (NodeGroupException e) {
      actions.event(STATUS_OBJECT, WARNING, AutoscalerEvents.FAILED_TO_SCALE_UP_GROUP,
          "Scale-up failed for group " + g.id() + ": " + e.code() + ": " + e.getMessage());
      return new Outcome(Outcome.Kind.FAILED, g, best.nodeCount(), e);
    }
    actions.event(STATUS_OBJECT, NORMAL, AutoscalerEvents.SCALED_UP_GROUP, String.format(
        "Scale-up: group %s size set to %d instead of %d (max: %d)", g.id(), next, current, g.maxSize()));
    String plan = String.format("[{%s %d->%d (max: %d)}]", g.id(), current, next, g.maxSize());
    for (Pod p : best.pods()) {
      actions.event(AutoscalerEvents.pod(p), NORMAL, AutoscalerEvents.TRIGGERED_SCALE_UP,
          "pod triggered scale-up: " + plan);
    }
    return new Outcome(Outcome.Kind.SCALED_UP, g, best.nodeCount(), null);
  }

  /** SchedulablePodGroups: which equivalence groups pass the filters on a fresh template node. */
  private List<PodEquivalenceGroup> schedulableOn(NodeTemplate template, List<PodEquivalenceGroup> groups,
      ClusterSnapshot snapshot, Map<PodEquivalenceGroup, Map<String, List<String>>> rejected) {
    String name = "template-node-for-" + template.groupId();
    template.addTo(snapshot, name);
    List<PodEquivalenceGroup> fitting = new ArrayList<>();
    try {
      for (PodEquivalenceGroup eg : groups) {
        List<String> reasons = scheduler.reasons(eg.exemplar(), snapshot, name);
        if (reasons == null) {
          fitting.add(eg);
        } else {
          rejected.computeIfAbsent(eg, k -> new HashMap<>()).put(template.groupId(), reasons);
        }
      }
    } finally {
      snapshot.removeNode(name);
    }
    return fitting;
  }

  /** ReasonsMessage: "count reason" per distinct reason over rejecting and skipped groups. */
  static String reasonsMessage(Map<String, List<String>> rejectedBy, Map<String, String> skipped) {
    Map<String, Integer> counts = new TreeMap<>();
    rejectedBy.values().forEach(reasons -> reasons.forEach(r -> counts.merge(r, 1, Integer::sum)));
    skipped.values().forEach(r -> counts.merge(r, 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((reason, n) -> parts.add(n + " " + reason));
    return String.join(", ", parts);
  }

  private static void notTriggered(List<PodEquivalenceGroup> groups, ClusterActions actions, String message) {
    for (PodEquivalenceGroup eg : groups) {
      for (Pod p : eg.pods()) {
        actions.event(AutoscalerEvents.pod(p), NORMAL, AutoscalerEvents.NOT_TRIGGER_SCALE_UP,
            "pod didn't trigger scale-up: " + message);
      }
    }
  }
}
