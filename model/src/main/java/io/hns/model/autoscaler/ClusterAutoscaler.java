package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.AutoscalerEvents.NORMAL;
import static io.hns.model.autoscaler.AutoscalerEvents.STATUS_OBJECT;
import static io.hns.model.autoscaler.AutoscalerEvents.WARNING;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Times;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import io.hns.model.resource.Resources;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The Kubernetes cluster autoscaler with the AKS default profile: one {@link #runOnce} is one loop
 * of CA's {@code StaticAutoscaler.RunOnce} (core/static_autoscaler.go); the caller runs it every
 * {@link AutoscalerConfig#scanInterval()}. State kept across loops, as upstream: when each node
 * became unneeded, the last scale-up, scale-down deletion and scale-down failure times, per-group
 * backoff, scale-up requests still being provisioned, nodes seen Ready, the drain in progress.
 *
 * <p>A loop:
 *
 * <ol>
 *   <li>reads the view; per group, counts Ready / unready / not-started nodes and upcoming ones
 *       (requested, not Ready yet), and clears backoff data older than the reset time;
 *   <li>handles provisioning problems (clusterstate.go): instances the cloud reports failed, and
 *       nodes still unregistered after {@code max-node-provision-time}, are deleted and their group
 *       backed off; a scale-up whose nodes all arrived resets its group's backoff; if anything was
 *       deleted the loop ends there;
 *   <li>advances the drain in progress (upstream drains asynchronously);
 *   <li>scale-up ({@link ScaleUpOrchestrator}); a successful scale-up ends the loop, so does a
 *       cloud refusal (the group is backed off);
 *   <li>scale-down: re-evaluates unneeded nodes every loop, and unless within
 *       {@code scale-down-delay-after-add / -delete / -failure} of the last such event, deletes
 *       those unneeded long enough ({@link ScaleDownPlanner}, {@link ScaleDownActuator}).
 * </ol>
 *
 * <p>Pure: time comes from {@link ClusterView#now()}, random choices from the caller's stream,
 * effects go through {@link ClusterActions} and {@link NodeGroup}. Not thread-safe.
 */
public final class ClusterAutoscaler {
  private record ScaleUpRequest(long time, int increase) {}

  private final AutoscalerConfig config;
  private final NodeGroupBackoff backoff;
  private final ScaleUpOrchestrator scaleUp;
  private final ScaleDownPlanner planner;
  private final ScaleDownActuator actuator;
  private final UnneededNodes unneeded = new UnneededNodes();
  private final Map<String, ScaleUpRequest> scaleUpRequests = new LinkedHashMap<>();
  private final Set<String> seenReady = new HashSet<>();
  private final Set<String> seenFailedInstances = new HashSet<>();
  private long lastRun = Times.UNSET;
  private long lastScaleUp = Times.UNSET;
  private long lastScaleDownDelete = Times.UNSET;
  private long lastScaleDownFailure = Times.UNSET;
  private Map<String, Integer> lastUpcoming = Map.of();
  private boolean lastCooldown;
  /**
   * Incremental snapshots: the loop's simulation cluster (Ready nodes not leaving, with their
   * non-expendable pods) is kept from loop to loop and brought up to date node by node, and every
   * what-if change a loop makes on it is undone at the end of the loop ({@link ClusterSnapshot#mark}).
   * Off, each loop builds it afresh (the reference behaviour; same decisions).
   */
  private final boolean incremental;
  private ClusterSnapshot base;
  private List<String> baseNodes = List.of();
  private List<Node> baseNodeObjects = List.of();
  /** Per node: its pods in {@link #base}, and the view's list they were taken from. */
  private final Map<String, List<Pod>> basePods = new HashMap<>();
  private final Map<String, List<Pod>> baseSource = new HashMap<>();

  public ClusterAutoscaler(AutoscalerConfig config) {
    this(config, SchedulerProfile.current());
  }

  /** @param profile the scheduler profile CA's embedded scheduler framework simulates */
  public ClusterAutoscaler(AutoscalerConfig config, SchedulerProfile profile) {
    this(config, profile, true);
  }

  /** @param incremental keep the simulation snapshot across loops (see {@link #incremental}) */
  ClusterAutoscaler(AutoscalerConfig config, SchedulerProfile profile, boolean incremental) {
    this.incremental = incremental;
    this.config = config;
    Scheduler scheduler = new Scheduler(profile);
    DrainabilityRules rules = new DrainabilityRules(config.skipNodesWithSystemPods(), config.skipNodesWithLocalStorage());
    this.backoff = new NodeGroupBackoff(config.initialNodeGroupBackoff().toMillis(),
        config.maxNodeGroupBackoff().toMillis(), config.nodeGroupBackoffReset().toMillis());
    this.scaleUp = new ScaleUpOrchestrator(config, scheduler);
    this.planner = new ScaleDownPlanner(config, scheduler, rules);
    this.actuator = new ScaleDownActuator(config, rules);
  }

  public AutoscalerConfig config() {
    return config;
  }

  /** One autoscaler loop. */
  public void runOnce(ClusterView view, ClusterActions actions, RandomGenerator random) {
    long now = view.now();
    lastRun = now;
    LoopInputs in = new LoopInputs(view, actuator.leavingNodes());
    actuator.forgetGone(in);
    rememberReadyNodes(in);
    backoff.removeStale(now);

    Map<String, NodeGroupReadiness> readiness = new LinkedHashMap<>();
    long maxProvisionMs = config.maxNodeProvisionTime().toMillis();
    for (NodeGroup g : in.groups) {
      readiness.put(g.id(), NodeGroupReadiness.of(g, in, seenReady, maxProvisionMs));
    }
    Map<String, Integer> upcoming = new LinkedHashMap<>();
    readiness.forEach((id, r) -> upcoming.put(id, r.upcoming()));
    lastUpcoming = upcoming;

    boolean removedNodes = handleProvisioningProblems(in, readiness, actions);
    recordScaleDown(actuator.continueDrain(in, actions), now);
    if (removedNodes) {
      lastCooldown = inScaleDownCooldown(now);
      return;
    }

    Map<String, NodeTemplate> templates = NodeTemplate.forGroups(in);
    Set<String> realNodes = new HashSet<>();
    ClusterSnapshot snapshot = refreshSnapshot(in, realNodes);
    int mark = snapshot.mark();
    try {
      addUpcoming(snapshot, readiness, templates);
      simulate(in, snapshot, realNodes, templates, upcoming, actions, random, now);
    } finally {
      snapshot.revert(mark);
    }
  }

  /** Scale-up, then scale-down, on the loop's snapshot (both may change it). */
  private void simulate(LoopInputs in, ClusterSnapshot snapshot, Set<String> realNodes,
      Map<String, NodeTemplate> templates, Map<String, Integer> upcoming, ClusterActions actions,
      RandomGenerator random, long now) {
    int totalUpcoming = upcoming.values().stream().mapToInt(Integer::intValue).sum();
    ScaleUpOrchestrator.Outcome outcome =
        scaleUp.scaleUp(in, snapshot, templates, totalUpcoming, backoff, actions, random);
    switch (outcome.kind()) {
      case SCALED_UP -> {
        lastScaleUp = now;
        lastCooldown = true;
        registerScaleUp(outcome.group().id(), outcome.delta(), now);
        return;
      }
      case FAILED -> {
        onScaleUpFailure(outcome.group().id(), outcome.error(), now);
        lastCooldown = inScaleDownCooldown(now);
        return;
      }
      default -> {
      }
    }

    lastCooldown = inScaleDownCooldown(now);
    if (!config.scaleDownEnabled()) {
      unneeded.clear();
      return;
    }
    planner.update(in, snapshot, realNodes, actuator.drainingNode(), unneeded);
    if (lastCooldown) {
      return;
    }
    ScaleDownPlanner.Plan plan = planner.nodesToDelete(in, unneeded, actuator.drainingNode());
    recordScaleDown(actuator.startDeletion(plan, in, actions), now);
    Set<String> leaving = actuator.leavingNodes();
    new ArrayList<>(unneeded.sinceTimes().keySet()).stream().filter(leaving::contains).forEach(unneeded::drop);
  }

  /**
   * A scale-up of the group failed (the cloud refused, or nodes never came): back the group off
   * (exponential, see {@link NodeGroupBackoff}).
   */
  public void onScaleUpFailure(String groupId, NodeGroupException e, long now) {
    backoff.backoff(groupId, e.errorClass(), e.code(), now);
  }

  /** The state after the last loop. */
  public AutoscalerStatus status() {
    Map<String, AutoscalerStatus.Backoff> b = new LinkedHashMap<>();
    backoff.entries().forEach((id, e) -> b.put(id, new AutoscalerStatus.Backoff(e.until(), e.durationMs(),
        e.lastFailure(), e.errorClass() == null ? "" : e.errorClass().name(), e.errorCode())));
    NodeDrain d = actuator.drain();
    return new AutoscalerStatus(lastRun, lastScaleUp, lastScaleDownDelete, lastScaleDownFailure,
        unneeded.sinceTimes(), b, lastUpcoming, d == null ? null : d.nodeName,
        d == null ? Times.UNSET : d.startedAt, lastCooldown);
  }

  private List<Node> seenReadyFrom;

  private void rememberReadyNodes(LoopInputs in) {
    // The same (immutable) node list as last loop leaves the set as it is: skip the pass.
    if (in.nodes == seenReadyFrom) {
      return;
    }
    seenReadyFrom = in.nodes;
    seenReady.retainAll(in.nodesByName.keySet());
    for (Node n : in.nodes) {
      if (n.ready()) {
        seenReady.add(n.name());
      }
    }
  }

  private boolean inScaleDownCooldown(long now) {
    return after(lastScaleUp, config.scaleDownDelayAfterAdd().toMillis(), now)
        || after(lastScaleDownDelete, config.scaleDownDelayAfterDelete().toMillis(), now)
        || after(lastScaleDownFailure, config.scaleDownDelayAfterFailure().toMillis(), now);
  }

  /** {@code t.Add(delay).After(now)}, false when {@code t} never happened. */
  private static boolean after(long t, long delayMs, long now) {
    return Times.isSet(t) && t + delayMs > now;
  }

  private void recordScaleDown(ScaleDownActuator.Result r, long now) {
    if (r.deletionStarted()) {
      lastScaleDownDelete = now;
    }
    if (r.failed()) {
      lastScaleDownFailure = now;
    }
  }

  private void registerScaleUp(String groupId, int delta, long now) {
    ScaleUpRequest old = scaleUpRequests.get(groupId);
    scaleUpRequests.put(groupId, new ScaleUpRequest(now, (old == null ? 0 : old.increase()) + delta));
  }

  /**
   * clusterstate.go updateScaleRequests / handleInstanceCreationErrors and static_autoscaler.go
   * removeOldUnregisteredNodes / deleteCreatedNodesWithErrors. Returns whether nodes were deleted.
   */
  private boolean handleProvisioningProblems(LoopInputs in, Map<String, NodeGroupReadiness> readiness,
      ClusterActions actions) {
    long now = in.now;
    long maxProvisionMs = config.maxNodeProvisionTime().toMillis();
    boolean removedAny = false;
    Set<String> failedNow = new HashSet<>();
    for (NodeGroup g : in.groups) {
      NodeGroupReadiness r = readiness.get(g.id());
      boolean backedOff = false;

      List<NodeGroup.Instance> unseenFailures = new ArrayList<>();
      for (NodeGroup.Instance i : r.failed()) {
        String key = g.id() + "/" + i.nodeName();
        failedNow.add(key);
        if (seenFailedInstances.add(key)) {
          unseenFailures.add(i);
        }
      }
      if (!unseenFailures.isEmpty()) {
        String code = unseenFailures.get(0).errorCode();
        Set<String> messages = new LinkedHashSet<>();
        unseenFailures.forEach(i -> messages.add(i.errorMessage()));
        actions.event(STATUS_OBJECT, WARNING, AutoscalerEvents.SCALE_UP_FAILED, String.format(
            "Failed adding %d nodes to group %s due to %s; source errors: %s",
            unseenFailures.size(), g.id(), code, String.join(", ", messages)));
        backoff.backoff(g.id(), NodeGroupException.ErrorClass.OUT_OF_RESOURCES, code, now);
        backedOff = true;
        ScaleUpRequest req = scaleUpRequests.get(g.id());
        if (req != null) {
          int left = req.increase() - unseenFailures.size();
          if (left <= 0) {
            scaleUpRequests.remove(g.id());
          } else {
            scaleUpRequests.put(g.id(), new ScaleUpRequest(req.time(), left));
          }
        }
      }

      ScaleUpRequest req = scaleUpRequests.get(g.id());
      boolean stillComing = r.upcoming() > 0 || !r.longUnregistered().isEmpty();
      if (req != null && stillComing && req.time() + maxProvisionMs < now) {
        actions.event(STATUS_OBJECT, WARNING, AutoscalerEvents.SCALE_UP_TIMED_OUT, "Nodes added to group "
            + g.id() + " failed to register within " + AutoscalerEvents.goDuration(now - req.time()));
        scaleUpRequests.remove(g.id());
        if (!backedOff) {
          backoff.backoff(g.id(), NodeGroupException.ErrorClass.OTHER, "timeout", now);
          backedOff = true;
        }
      } else if (req != null && !stillComing && r.failed().isEmpty()) {
        scaleUpRequests.remove(g.id());
        backoff.remove(g.id());
      }
      if (!r.longUnregistered().isEmpty() && !backedOff) {
        backoff.backoff(g.id(), NodeGroupException.ErrorClass.OTHER, "timeout", now);
      }

      List<Node> toDelete = new ArrayList<>();
      for (NodeGroup.Instance i : r.failed()) {
        if (i.nodeName() != null) {
          toDelete.add(placeholderNode(i));
        }
      }
      for (NodeGroup.Instance i : r.longUnregistered()) {
        if (i.nodeName() != null) {
          toDelete.add(placeholderNode(i));
        }
      }
      if (toDelete.isEmpty()) {
        continue;
      }
      try {
        g.deleteNodes(toDelete);
        removedAny = true;
        for (NodeGroup.Instance i : r.longUnregistered()) {
          actions.event(STATUS_OBJECT, NORMAL, AutoscalerEvents.DELETE_UNREGISTERED,
              "Removed unregistered node " + i.nodeName());
        }
      } catch (NodeGroupException e) {
        actions.event(STATUS_OBJECT, WARNING, AutoscalerEvents.DELETE_UNREGISTERED,
            "Failed to remove nodes of group " + g.id() + ": " + e.getMessage());
      }
    }
    seenFailedInstances.retainAll(failedNow);
    return removedAny;
  }

  /** CA's FakeNode for an instance without a node object: only its name matters. */
  private static Node placeholderNode(NodeGroup.Instance i) {
    return new Node(i.nodeName(), Labels.EMPTY, Labels.EMPTY, ImmutableList.of(), Resources.ZERO,
        Resources.ZERO, false, false, "", i.createdAt(), ImmutableMap.of());
  }

  /**
   * The simulation's cluster: Ready nodes not on their way out (any group or none, the virtual node
   * included), in the view's order, with their non-expendable pods in the view's order. Kept from
   * the previous loop when incremental: nodes whose object changed are updated, nodes whose pods
   * changed get them afresh, nodes gone are removed and new ones appended; anything else (a node
   * becoming Ready between others) rebuilds it. Either way it equals a snapshot built afresh.
   *
   * @param realNodes receives the names of its nodes
   */
  private ClusterSnapshot refreshSnapshot(LoopInputs in, Set<String> realNodes) {
    int cutoff = config.expendablePodsPriorityCutoff();
    List<Node> nodes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Node n : in.nodes) {
      if (!n.ready() || in.isLeaving(n.name())) {
        continue;
      }
      nodes.add(n);
      names.add(n.name());
      realNodes.add(n.name());
    }
    if (incremental && base != null && sync(in, nodes, names, realNodes, cutoff)) {
      return base;
    }
    List<Pod> pods = new ArrayList<>();
    basePods.clear();
    baseSource.clear();
    for (Node n : nodes) {
      List<Pod> source = in.podsOn(n.name());
      List<Pod> on = nonExpendable(source, cutoff);
      basePods.put(n.name(), on);
      baseSource.put(n.name(), source);
      pods.addAll(on);
    }
    base = ClusterSnapshot.of(nodes, pods);
    remember(nodes, names);
    return base;
  }

  /** Brings {@link #base} up to date with these nodes; false when it must be rebuilt. */
  private boolean sync(LoopInputs in, List<Node> nodes, List<String> names, Set<String> present, int cutoff) {
    // Nodes gone anywhere, new nodes only at the end: otherwise rebuild (node order matters).
    int i = 0;
    int j = 0;
    List<String> removed = new ArrayList<>();
    List<Node> changed = new ArrayList<>();
    while (i < baseNodes.size()) {
      String old = baseNodes.get(i);
      if (j < names.size() && names.get(j).equals(old)) {
        if (baseNodeObjects.get(i) != nodes.get(j)) {
          changed.add(nodes.get(j));
        }
        i++;
        j++;
      } else if (!present.contains(old)) {
        removed.add(old);
        i++;
      } else {
        return false;
      }
    }
    for (String name : removed) {
      base.removeNode(name);
      basePods.remove(name);
      baseSource.remove(name);
    }
    changed.forEach(base::updateNode);
    for (int k = j; k < nodes.size(); k++) {
      base.addNode(nodes.get(k));
      basePods.put(names.get(k), List.of());
    }
    for (Node n : nodes) {
      List<Pod> on = in.podsOn(n.name());
      // A view hands out the same (immutable) list again while a node's pods do not change.
      if (on == baseSource.get(n.name())) {
        continue;
      }
      baseSource.put(n.name(), on);
      if (!samePods(on, basePods.get(n.name()), cutoff)) {
        List<Pod> now = nonExpendable(on, cutoff);
        base.replacePods(n.name(), now);
        basePods.put(n.name(), now);
      }
    }
    remember(nodes, names);
    return true;
  }

  private void remember(List<Node> nodes, List<String> names) {
    baseNodes = names;
    baseNodeObjects = nodes;
  }

  /** Whether the non-expendable pods of {@code on} are the very pod objects of {@code had}, in order. */
  private static boolean samePods(List<Pod> on, List<Pod> had, int cutoff) {
    int j = 0;
    for (Pod p : on) {
      if (p.spec().priority() < cutoff) {
        continue;
      }
      if (j >= had.size() || had.get(j) != p) {
        return false;
      }
      j++;
    }
    return j == had.size();
  }

  private static List<Pod> nonExpendable(List<Pod> on, int cutoff) {
    List<Pod> out = new ArrayList<>(on.size());
    for (Pod p : on) {
      if (p.spec().priority() >= cutoff) {
        out.add(p);
      }
    }
    return out;
  }

  /** A template copy per upcoming node (requested, not Ready yet). */
  private static void addUpcoming(ClusterSnapshot snapshot, Map<String, NodeGroupReadiness> readiness,
      Map<String, NodeTemplate> templates) {
    for (NodeGroupReadiness r : readiness.values()) {
      NodeTemplate t = templates.get(r.groupId());
      for (int i = 0; i < r.upcoming(); i++) {
        t.addTo(snapshot, "upcoming-" + r.groupId() + "-" + i);
      }
    }
  }

}
