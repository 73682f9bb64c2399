package io.hns.model.policy;

import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import io.hns.model.port.NodeGroupException;
import io.hns.model.resource.Resources;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * burst-backfill: the seed's recommendation made to work. Pods overflow to the virtual node at once
 * (the burst placement); meanwhile VM capacity is grown to cover them, and once it is Ready the pods
 * on ACI are moved back, in bounded batches, by eviction (which respects PodDisruptionBudgets); the
 * ReplicaSet's replacement lands on the VM capacity the move has just freed.
 *
 * <p>Per ReplicaSet with pods on the virtual node, every period:
 * <ol>
 *   <li>move: the ACI pods whose VM room was released last period are evicted, as many as now fit
 *       on Ready VM nodes;
 *   <li>release: Running placeholders (VM room that exists) are deleted, at most
 *       {@code maxMovesPerPeriod}, so that their room is free when the next period moves pods;
 *   <li>grow: one pending placeholder per remaining ACI pod (mode {@code placeholders}: the cluster
 *       autoscaler sees them unschedulable and grows the VMSS) or a direct node-group increase
 *       (mode {@code node-pool}).
 * </ol>
 * Deleting before moving matters: a replacement pod is scheduled the instant it is created, so the
 * room must already be free or the pod goes back to the virtual node.
 */
public final class BurstBackfillPolicy implements HybridPolicy {
  public static final String NAME = "burst-backfill";
  public static final Set<String> PARAMETERS =
      Set.of("mode", "maxMovesPerPeriod", "period", "placeholderPriority", "namespaces", "nodeGroup");

  private final String mode;
  private final int maxMoves;
  private final long period;
  private final int priority;
  private final List<String> namespaces;
  private final String nodeGroup;
  private final Map<String, Integer> releasing = new HashMap<>();
  private final long[] created = {0};

  public BurstBackfillPolicy(Map<String, Object> parameters) {
    PolicyParameters p = new PolicyParameters(NAME, parameters, PARAMETERS);
    this.mode = p.string("mode", "placeholders", Set.of("placeholders", "node-pool"));
    this.maxMoves = p.integer("maxMovesPerPeriod", 5, 1, 1000);
    this.period = p.millis("period", 10_000);
    // Above the cluster autoscaler's expendable cutoff (-10), or it would ignore the placeholders.
    this.priority = p.integer("placeholderPriority", -5, -9, -1);
    this.namespaces = p.strings("namespaces");
    this.nodeGroup = p.string("nodeGroup", "", null);
    if (period <= 0) {
      throw new IllegalArgumentException("policy " + NAME + " parameter period must be positive");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** {@code placeholders} or {@code node-pool}. */
  public String mode() {
    return mode;
  }

  @Override
  public long periodMs() {
    return period;
  }

  private boolean managed(Pod p) {
    return namespaces.isEmpty() ? !p.namespace().equals("kube-system") : namespaces.contains(p.namespace());
  }

  @Override
  public void reconcile(ClusterView view, ClusterActions actions) {
    List<Node> nodes = view.nodes();
    java.util.Set<String> virtualNodes = new java.util.HashSet<>();
    for (Node n : nodes) {
      if (n.kind() == NodeKind.VIRTUAL) {
        virtualNodes.add(n.name());
      }
    }
    List<Pod> pods = view.pods();
    Map<String, List<Pod>> aciByOwner = new LinkedHashMap<>();
    Map<String, List<Pod>> placeholdersByOwner = new LinkedHashMap<>();
    for (Pod p : pods) {
      if (Placeholders.isPlaceholder(p)) {
        if (NAME.equals(p.labels().get(Placeholders.LABEL))) {
          placeholdersByOwner.computeIfAbsent(p.labels().get(Placeholders.FOR_LABEL), k -> new ArrayList<>()).add(p);
        }
      } else if (p.isAssigned() && virtualNodes.contains(p.nodeName()) && p.isActive() && managed(p)
          && p.owner() != null) {
        aciByOwner.computeIfAbsent(p.owner().uid(), k -> new ArrayList<>()).add(p);
      }
    }
    // Built on first use (few periods move pods), from the cluster as observed before any action.
    Lazy capacity = new Lazy(nodes, pods);
    int stillOnAci = 0;
    Pod largest = null;
    for (Map.Entry<String, List<Pod>> e : aciByOwner.entrySet()) {
      List<Pod> aci = new ArrayList<>(e.getValue());
      aci.sort(Comparator.comparing(Pod::name));
      List<Pod> placeholders = placeholdersByOwner.getOrDefault(e.getKey(), List.of());
      int moved = mode.equals("node-pool")
          ? move(actions, aci, capacity, Math.min(maxMoves, aci.size()))
          : moveReleased(actions, e.getKey(), aci, placeholders, capacity);
      List<Pod> remaining = aci.subList(moved, aci.size());
      stillOnAci += remaining.size();
      if (!remaining.isEmpty() && (largest == null
          || remaining.get(0).spec().requests().milliCpu() > largest.spec().requests().milliCpu())) {
        largest = remaining.get(0);
      }
      if (mode.equals("placeholders")) {
        placeholders(pods, actions, e.getKey(), remaining, placeholders);
      }
    }
    for (Map.Entry<String, List<Pod>> e : placeholdersByOwner.entrySet()) {
      if (!aciByOwner.containsKey(e.getKey())) {
        // Nothing left on ACI for this workload: the reserved room is no longer needed.
        releasing.remove(e.getKey());
        for (Pod p : e.getValue()) {
          if (!p.isDeleting()) actions.deletePod(p.namespace(), p.name(), "burst-backfill: no pods of this workload left on ACI");
        }
      }
    }
    if (mode.equals("node-pool") && stillOnAci > 0) {
      grow(view, actions, largest, stillOnAci);
    }
  }

  /** Step 1 for placeholders: evict as many ACI pods as room was released for and now fits. */
  /** The VM capacity of the cluster as observed at the start of a reconcile, built when first needed. */
  private static final class Lazy {
    private final List<Node> nodes;
    private final List<Pod> pods;
    private VmCapacity capacity;

    Lazy(List<Node> nodes, List<Pod> pods) {
      this.nodes = nodes;
      this.pods = pods;
    }

    VmCapacity get() {
      if (capacity == null) {
        capacity = new VmCapacity(nodes, pods);
      }
      return capacity;
    }
  }

  private int moveReleased(ClusterActions actions, String owner, List<Pod> aci, List<Pod> placeholders, Lazy capacity) {
    int released = releasing.getOrDefault(owner, 0);
    boolean stillTerminating = placeholders.stream().anyMatch(Pod::isDeleting);
    if (released == 0 || stillTerminating) {
      return 0;
    }
    releasing.remove(owner);
    return move(actions, aci, capacity, Math.min(released, aci.size()));
  }

  private int move(ClusterActions actions, List<Pod> aci, Lazy capacity, int wanted) {
    int fit = wanted == 0 ? 0 : capacity.get().reserve(aci.get(0), wanted);
    int moved = 0;
    for (int i = 0; i < fit; i++) {
      Pod p = aci.get(i);
      if (!actions.evictPod(p.namespace(), p.name(), "burst-backfill: VM capacity is Ready, moving the pod off ACI")) {
        break; // a PodDisruptionBudget says not now: try again next period
      }
      moved++;
    }
    return moved;
  }

  /** Steps 2 and 3: release Running placeholders, keep one placeholder per remaining ACI pod. */
  private void placeholders(List<Pod> pods, ClusterActions actions, String owner, List<Pod> remaining, List<Pod> existing) {
    List<Pod> running = new ArrayList<>();
    List<Pod> pending = new ArrayList<>();
    for (Pod p : existing) {
      if (p.isDeleting()) continue;
      (p.isAssigned() ? running : pending).add(p);
    }
    int release = Math.min(running.size(), Math.min(maxMoves, remaining.size()));
    for (int i = 0; i < release; i++) {
      Pod p = running.get(i);
      actions.deletePod(p.namespace(), p.name(), "burst-backfill: releasing VM room for a pod on ACI");
    }
    if (release > 0) {
      releasing.merge(owner, release, Integer::sum);
    }
    int wanted = remaining.size() - release;
    int have = (running.size() - release) + pending.size();
    if (have > wanted) {
      List<Pod> extra = new ArrayList<>(pending);
      extra.addAll(running.subList(release, running.size()));
      for (Pod p : extra.subList(0, have - wanted)) {
        actions.deletePod(p.namespace(), p.name(), "burst-backfill: fewer pods on ACI");
      }
    }
    Resources size = remaining.isEmpty() ? null : remaining.get(0).spec().requests();
    for (int i = have; i < wanted; i++) {
      Pod model = remaining.get(0);
      String name = Placeholders.freshName(pods, model.namespace(), "hns-backfill-" + model.owner().name() + "-", created);
      actions.createPod(Placeholders.create(model.namespace(), name, NAME, owner, size, priority),
          "burst-backfill: reserve VM capacity for a pod on ACI");
    }
  }

  /** Mode node-pool: ask the node group for enough new nodes for what stays on ACI. */
  private void grow(ClusterView view, ClusterActions actions, Pod model, int pods) {
    NodeGroup group = null;
    for (NodeGroup g : view.nodeGroups()) {
      if (nodeGroup.isEmpty() || g.id().equals(nodeGroup)) {
        group = g;
        break;
      }
    }
    if (group == null || model == null) {
      return;
    }
    Resources alloc = group.templateNode().allocatable();
    Resources req = model.spec().requests();
    long perNode = Math.min(alloc.pods(), Math.min(
        req.milliCpu() == 0 ? Long.MAX_VALUE : alloc.milliCpu() / req.milliCpu(),
        req.memory() == 0 ? Long.MAX_VALUE : alloc.memory() / req.memory()));
    if (perNode <= 0) {
      return;
    }
    long upcoming = group.instances().stream().filter(i -> i.state() == NodeGroup.Instance.State.CREATING).count();
    long needed = (pods + perNode - 1) / perNode - upcoming;
    int room = group.maxSize() - group.targetSize();
    int delta = (int) Math.min(needed, room);
    if (delta <= 0) {
      return;
    }
    try {
      group.increaseSize(delta);
      actions.event("NodeGroup//" + group.id(), "Normal", "BackfillScaleUp",
          "burst-backfill: " + group.id() + " +" + delta + " for " + pods + " pods on ACI");
    } catch (NodeGroupException e) {
      actions.event("NodeGroup//" + group.id(), "Warning", "BackfillScaleUpFailed", e.code() + ": " + e.getMessage());
    }
  }
}
