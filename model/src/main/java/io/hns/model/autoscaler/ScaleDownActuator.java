package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.AutoscalerEvents.NORMAL;
import static io.hns.model.autoscaler.AutoscalerEvents.STATUS_OBJECT;
import static io.hns.model.autoscaler.AutoscalerEvents.WARNING;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deletes the nodes the planner picked (CA {@code core/scaledown/actuation/actuator.go},
 * {@code drain.go}, {@code delete_in_batch.go}).
 *
 * <p>Budgets as {@code cropNodesToBudgets}: at most {@code maxEmptyBulkDelete} deletions in flight
 * (empty nodes plus the drain), and one drain at a time. Empty nodes are tainted
 * {@code ToBeDeletedByClusterAutoscaler:NoSchedule} and deleted at once, one
 * {@code deleteNodes} call per group. A node with pods is tainted, then drained over the following
 * loops: each loop evicts the pods not yet evicted, in order, and stops at the first refusal (a
 * PodDisruptionBudget: retried next loop); once every eviction is accepted it waits for the pods to
 * terminate, then deletes the node. A drain still refused after {@value #MAX_POD_EVICTION_MS} ms
 * (upstream {@code MaxPodEvictionTime}), or whose pods outlive {@code max-graceful-termination}
 * plus {@value #POD_EVICTION_HEADROOM_MS} ms, fails: the node is untainted and a
 * {@code ScaleDownFailed} event recorded. DaemonSet pods are not evicted (they go with the node).
 */
final class ScaleDownActuator {
  static final long MAX_POD_EVICTION_MS = 2 * 60_000;
  static final long POD_EVICTION_HEADROOM_MS = 30_000;
  static final String EVICTION_REASON = "cluster-autoscaler: scale down";

  /** What happened in one actuation call. */
  record Result(boolean deletionStarted, boolean failed) {
    static final Result NOTHING = new Result(false, false);
  }

  private final AutoscalerConfig config;
  private final DrainabilityRules rules;
  private final Map<String, Long> deleted = new LinkedHashMap<>();
  private NodeDrain drain;

  ScaleDownActuator(AutoscalerConfig config, DrainabilityRules rules) {
    this.config = config;
    this.rules = rules;
  }

  /** Nodes this actuator removed or is draining, until they leave the view. */
  Set<String> leavingNodes() {
    Set<String> out = new HashSet<>(deleted.keySet());
    if (drain != null) {
      out.add(drain.nodeName);
    }
    return out;
  }

  void forgetGone(LoopInputs in) {
    deleted.keySet().removeIf(name -> !in.nodesByName.containsKey(name));
  }

  NodeDrain drain() {
    return drain;
  }

  String drainingNode() {
    return drain == null ? null : drain.nodeName;
  }

  /** Starts deleting what the budgets allow. */
  Result startDeletion(ScaleDownPlanner.Plan plan, LoopInputs in, ClusterActions actions) {
    int inFlight = drain == null ? 0 : 1;
    int parallelism = config.maxEmptyBulkDelete() - inFlight;
    List<UnneededNodes.Entry> empty = plan.empty().subList(0, Math.max(0, Math.min(parallelism, plan.empty().size())));
    int drainBudget = Math.min(parallelism - empty.size(), 1 - inFlight);
    boolean started = false;
    boolean failed = false;
    if (!empty.isEmpty()) {
      started = true;
      failed = deleteEmpty(empty, in, actions);
    }
    if (drainBudget > 0 && !plan.drain().isEmpty()) {
      UnneededNodes.Entry e = plan.drain().get(0);
      Node node = in.nodesByName.get(e.name());
      Taint taint = toBeDeleted(in.now);
      markToBeDeleted(node.name(), taint, actions);
      actions.event(STATUS_OBJECT, NORMAL, AutoscalerEvents.SCALE_DOWN, "Scale-down: removing node "
          + node.name() + ", utilization: " + e.utilization() + ", pods to reschedule: "
          + e.podsToMove().stream().map(Pod::key).collect(Collectors.joining(",")));
      drain = new NodeDrain(node.name(), in.groupOf(node).id(), taint, in.now);
      started = true;
      failed |= continueDrain(in, actions).failed();
    }
    return new Result(started, failed);
  }

  /** Advances the drain in progress, if any. */
  Result continueDrain(LoopInputs in, ClusterActions actions) {
    if (drain == null) {
      return Result.NOTHING;
    }
    NodeDrain d = drain;
    Node node = in.nodesByName.get(d.nodeName);
    NodeGroup group = in.groupsById.get(d.groupId);
    if (node == null || group == null) {
      drain = null;
      return Result.NOTHING;
    }
    List<Pod> toEvict = new ArrayList<>();
    for (Pod p : in.podsOn(node.name())) {
      DrainDecision decision = rules.decide(p, in.now);
      if (decision.blocks() && !d.evicted.contains(p.key())) {
        return fail(d, actions, "failed to drain the node, aborting ScaleDown: " + decision.reason());
      }
      if (decision.outcome() != DrainDecision.Outcome.SKIP) {
        toEvict.add(p);
      }
    }
    if (!d.evictionsDone()) {
      for (Pod p : toEvict) {
        if (p.isDeleting() || d.evicted.contains(p.key())) {
          continue;
        }
        if (!actions.evictPod(p.namespace(), p.name(), EVICTION_REASON)) {
          if (in.now - d.startedAt >= MAX_POD_EVICTION_MS) {
            return fail(d, actions, "failed to drain the node, aborting ScaleDown: eviction of "
                + p.key() + " refused for " + AutoscalerEvents.goDuration(in.now - d.startedAt));
          }
          return Result.NOTHING;
        }
        d.evicted.add(p.key());
      }
      d.evictionsDoneAt = in.now;
      // The view of this loop still shows the evicted pods; wait unless there were none.
      if (!toEvict.isEmpty()) {
        return Result.NOTHING;
      }
    }
    if (!toEvict.isEmpty()) {
      long deadline = d.evictionsDoneAt + config.maxGracefulTermination().toMillis() + POD_EVICTION_HEADROOM_MS;
      if (in.now > deadline) {
        return fail(d, actions, "failed to drain the node, aborting ScaleDown: pods remaining after timeout");
      }
      return Result.NOTHING;
    }
    try {
      group.deleteNodes(List.of(node));
    } catch (NodeGroupException ex) {
      return fail(d, actions, "failed to delete the node: " + ex.getMessage());
    }
    actions.event(AutoscalerEvents.node(node.name()), NORMAL, AutoscalerEvents.SCALE_DOWN,
        "node removed by cluster autoscaler");
    deleted.put(node.name(), in.now);
    drain = null;
    return Result.NOTHING;
  }

  private boolean deleteEmpty(List<UnneededNodes.Entry> empty, LoopInputs in, ClusterActions actions) {
    Taint taint = toBeDeleted(in.now);
    Map<NodeGroup, List<Node>> byGroup = new LinkedHashMap<>();
    for (UnneededNodes.Entry e : empty) {
      Node n = in.nodesByName.get(e.name());
      markToBeDeleted(n.name(), taint, actions);
      actions.event(STATUS_OBJECT, NORMAL, AutoscalerEvents.SCALE_DOWN_EMPTY,
          "Scale-down: removing empty node \"" + n.name() + "\"");
      byGroup.computeIfAbsent(in.groupOf(n), g -> new ArrayList<>()).add(n);
    }
    boolean failed = false;
    for (Map.Entry<NodeGroup, List<Node>> e : byGroup.entrySet()) {
      try {
        e.getKey().deleteNodes(e.getValue());
        for (Node n : e.getValue()) {
          actions.event(AutoscalerEvents.node(n.name()), NORMAL, AutoscalerEvents.SCALE_DOWN,
              "node removed by cluster autoscaler");
          deleted.put(n.name(), in.now);
        }
      } catch (NodeGroupException ex) {
        failed = true;
        for (Node n : e.getValue()) {
          actions.taintNode(n.name(), taint, false);
          actions.event(AutoscalerEvents.node(n.name()), WARNING, AutoscalerEvents.SCALE_DOWN_FAILED,
              "failed to delete empty node: " + ex.getMessage());
        }
      }
    }
    return failed;
  }

  private Result fail(NodeDrain d, ClusterActions actions, String message) {
    actions.taintNode(d.nodeName, d.taint, false);
    actions.event(AutoscalerEvents.node(d.nodeName), WARNING, AutoscalerEvents.SCALE_DOWN_FAILED, message);
    drain = null;
    return new Result(false, true);
  }

  private static void markToBeDeleted(String nodeName, Taint taint, ClusterActions actions) {
    actions.taintNode(nodeName, taint, true);
    actions.event(AutoscalerEvents.node(nodeName), NORMAL, AutoscalerEvents.SCALE_DOWN,
        "marked the node as toBeDeleted/unschedulable");
  }

  /** CA's taint: key ToBeDeletedByClusterAutoscaler, value the Unix time in seconds. */
  static Taint toBeDeleted(long now) {
    return new Taint(LoopInputs.TO_BE_DELETED_TAINT, Long.toString(now / 1000), TaintEffect.NO_SCHEDULE);
  }
}
