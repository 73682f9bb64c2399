package io.hns.model.autoscaler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.port.NodeGroup;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.Scheduler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decides which nodes could go (CA {@code core/scaledown/planner/planner.go},
 * {@code eligibility/eligibility.go}, {@code simulator/cluster.go} and
 * {@code processors/scaledowncandidates}).
 *
 * <p>Candidates are the nodes of a node group (never the virtual node or any node of no group) that
 * are not on their way out, whose group is above its minimum size, without the
 * {@code scale-down-disabled} annotation, and whose utilization is strictly below the threshold.
 * Nodes unneeded in the previous loop are examined first. A candidate is removable when every pod
 * on it passes the drainability rules and the pods that must move all fit, by the scheduler's
 * filters, on other Ready nodes (the virtual node included, when a pod tolerates it), other than
 * nodes already found removable in this loop; the moved pods stay on their destinations for the
 * following candidates. Pods of a node being drained are placed first; when they fit nowhere the
 * planner forgets every unneeded node, as upstream does.
 *
 * <p>{@link #nodesToDelete} then keeps the unneeded nodes that have been so for longer than
 * {@code scale-down-unneeded-time} (Ready) or {@code scale-down-unready-time} (NotReady), without
 * taking any group to or below its minimum size.
 */
final class ScaleDownPlanner {
  static final String SCALE_DOWN_DISABLED = "cluster-autoscaler.kubernetes.io/scale-down-disabled";

  /** What can be deleted now: empty nodes and nodes that need draining, in priority order. */
  record Plan(List<UnneededNodes.Entry> empty, List<UnneededNodes.Entry> drain) {}

  private final AutoscalerConfig config;
  private final Scheduler scheduler;
  private final DrainabilityRules rules;

  ScaleDownPlanner(AutoscalerConfig config, Scheduler scheduler, DrainabilityRules rules) {
    this.config = config;
    this.scheduler = scheduler;
    this.rules = rules;
  }

  /**
   * Re-evaluates every candidate on {@code snapshot} (which it changes) and updates
   * {@code unneeded}.
   *
   * @param realNodes names of the snapshot's nodes that exist (not template copies): the only
   *     possible destinations
   * @param drainingNode the node being drained, or null
   */
  void update(LoopInputs in, ClusterSnapshot snapshot, Set<String> realNodes, String drainingNode,
      UnneededNodes unneeded) {
    Set<String> removed = new HashSet<>();
    if (drainingNode != null && !injectDrainedPods(in, snapshot, realNodes, drainingNode)) {
      unneeded.clear();
      return;
    }
    List<Node> candidates = orderedCandidates(in, unneeded);
    double threshold = config.scaleDownUtilizationThreshold();
    // Eligibility (utilization) is judged for all candidates before any removal is simulated.
    Map<Node, NodeUtilization> eligible = new LinkedHashMap<>();
    for (Node n : candidates) {
      NodeInfo info = snapshot.get(n.name());
      NodeUtilization u = info != null ? NodeUtilization.of(n, info, in.now)
          : NodeUtilization.of(n, in.podsOn(n.name()), in.now);
      if (u.value() < threshold) {
        eligible.put(n, u);
      }
    }
    List<UnneededNodes.Removable> removable = new ArrayList<>();
    for (Map.Entry<Node, NodeUtilization> e : eligible.entrySet()) {
      Node n = e.getKey();
      List<Pod> toMove = podsToMove(in, snapshot, n);
      if (toMove == null) {
        continue;
      }
      Predicate<NodeInfo> destination = d -> realNodes.contains(d.name()) && !removed.contains(d.name())
          && !d.name().equals(n.name()) && !in.isLeaving(d.name());
      if (moveAll(snapshot, n.name(), toMove, destination)) {
        removed.add(n.name());
        removable.add(new UnneededNodes.Removable(n.name(), toMove, e.getValue()));
      }
    }
    unneeded.update(removable, in.now);
  }

  Plan nodesToDelete(LoopInputs in, UnneededNodes unneeded, String drainingNode) {
    Map<String, Integer> groupSize = new LinkedHashMap<>();
    for (NodeGroup g : in.groups) {
      groupSize.put(g.id(), g.targetSize());
    }
    if (drainingNode != null) {
      Node d = in.nodesByName.get(drainingNode);
      NodeGroup g = d == null ? null : in.groupOf(d);
      if (g != null) {
        groupSize.merge(g.id(), -1, Integer::sum);
      }
    }
    long unneededMs = config.scaleDownUnneededTime().toMillis();
    long unreadyMs = config.scaleDownUnreadyTime().toMillis();
    List<UnneededNodes.Entry> empty = new ArrayList<>();
    List<UnneededNodes.Entry> drain = new ArrayList<>();
    for (UnneededNodes.Entry e : unneeded.emptyFirst()) {
      Node n = in.nodesByName.get(e.name());
      if (n == null || in.isLeaving(n.name()) || scaleDownDisabled(n)) {
        continue;
      }
      NodeGroup g = in.groupOf(n);
      if (g == null) {
        continue;
      }
      long wait = n.ready() ? unneededMs : unreadyMs;
      if (!(e.since() + wait < in.now)) {
        continue;
      }
      int size = groupSize.get(g.id());
      if (size <= g.minSize()) {
        continue;
      }
      groupSize.put(g.id(), size - 1);
      (e.empty() ? empty : drain).add(e);
    }
    return new Plan(empty, drain);
  }

  private List<Node> orderedCandidates(LoopInputs in, UnneededNodes unneeded) {
    List<Node> first = new ArrayList<>();
    List<Node> rest = new ArrayList<>();
    for (Node n : in.nodes) {
      NodeGroup g = in.groupOf(n);
      if (g == null || in.isLeaving(n.name()) || g.targetSize() <= g.minSize() || scaleDownDisabled(n)) {
        continue;
      }
      (unneeded.contains(n.name()) ? first : rest).add(n);
    }
    first.addAll(rest);
    return first;
  }

  private static boolean scaleDownDisabled(Node n) {
    return "true".equals(n.annotations().get(SCALE_DOWN_DISABLED));
  }

  /** The node's pods in the simulation (with pending pods placed there), or the view's if NotReady. */
  private static List<Pod> podsOf(LoopInputs in, ClusterSnapshot snapshot, Node n) {
    NodeInfo info = snapshot.get(n.name());
    return info != null ? info.pods() : in.podsOn(n.name());
  }

  /** The pods that must move, or null when one of them blocks the drain. */
  private List<Pod> podsToMove(LoopInputs in, ClusterSnapshot snapshot, Node n) {
    List<Pod> out = new ArrayList<>();
    for (Pod p : podsOf(in, snapshot, n)) {
      DrainDecision d = rules.decide(p, in.now);
      if (d.blocks()) {
        return null;
      }
      if (d.outcome() == DrainDecision.Outcome.MOVE) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Moves the pods off {@code from} onto destinations; all or nothing (on failure the snapshot is
   * restored).
   */
  private boolean moveAll(ClusterSnapshot snapshot, String from, List<Pod> pods, Predicate<NodeInfo> destination) {
    boolean inSnapshot = snapshot.get(from) != null;
    List<Pod> originals = List.copyOf(pods);
    if (inSnapshot) {
      originals.forEach(snapshot::removePod);
    }
    List<Pod> placed = new ArrayList<>();
    List<NodeInfo> nodes = snapshot.nodes();
    for (Pod p : originals) {
      int idx = scheduler.firstFeasible(p, snapshot, nodes, 0, destination);
      if (idx < 0) {
        placed.forEach(snapshot::removePod);
        if (inSnapshot) {
          originals.forEach(snapshot::addPod);
        }
        return false;
      }
      Pod moved = p.withNodeName(nodes.get(idx).name());
      snapshot.addPod(moved);
      placed.add(moved);
    }
    return true;
  }

  /** Places the pods still on the node being drained (CA injectOngoingActuation). */
  private boolean injectDrainedPods(LoopInputs in, ClusterSnapshot snapshot, Set<String> realNodes, String draining) {
    Predicate<NodeInfo> destination = d -> realNodes.contains(d.name()) && !in.isLeaving(d.name());
    List<NodeInfo> nodes = snapshot.nodes();
    for (Pod p : in.podsOn(draining)) {
      if (rules.decide(p, in.now).outcome() != DrainDecision.Outcome.MOVE) {
        continue;
      }
      int idx = scheduler.firstFeasible(p, snapshot, nodes, 0, destination);
      if (idx < 0) {
        return false;
      }
      snapshot.addPod(p.withNodeName(nodes.get(idx).name()));
    }
    return true;
  }
}
