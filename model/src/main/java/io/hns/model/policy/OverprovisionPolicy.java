package io.hns.model.policy;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;
import io.hns.model.port.NodeGroup;
import io.hns.model.resource.Quantities;
import io.hns.model.resource.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * overprovision: low-priority pause pods keep VM headroom warm, as the cluster-autoscaler FAQ's
 * overprovisioning recipe does. Real pods preempt the placeholders at once (they have priority -1);
 * the evicted placeholders turn unschedulable and the cluster autoscaler adds nodes for them, so a
 * burst lands on warm capacity and the pool refills behind it.
 *
 * <p>Headroom is {@code nodes} node-equivalents of the first node group's template, or
 * {@code fraction} of the Ready VM nodes' allocatable CPU when given; placeholders are
 * {@code cpu}/{@code memory} each.
 */
public final class OverprovisionPolicy implements HybridPolicy {
  public static final String NAME = "overprovision";
  public static final Set<String> PARAMETERS = Set.of("nodes", "fraction", "cpu", "memory", "period", "namespace", "priority");

  private final double nodes;
  private final double fraction;
  private final Resources size;
  private final long period;
  private final String namespace;
  private final int priority;
  private final long[] created = {0};

  public OverprovisionPolicy(Map<String, Object> parameters) {
    PolicyParameters p = new PolicyParameters(NAME, parameters, PARAMETERS);
    this.nodes = p.number("nodes", 1, 0, 1000);
    this.fraction = p.number("fraction", 0, 0, 1);
    long cpu = quantity(p.string("cpu", "1", null), true);
    long memory = quantity(p.string("memory", "1Gi", null), false);
    this.size = Resources.of(cpu, memory);
    this.period = p.millis("period", 10_000);
    this.namespace = p.string("namespace", "hns-system", null);
    this.priority = p.integer("priority", -1, -9, -1);
  }

  private static long quantity(String s, boolean cpu) {
    try {
      return cpu ? Quantities.milliValue(s) : Quantities.value(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("policy " + NAME + " parameter " + (cpu ? "cpu" : "memory") + ": " + e.getMessage());
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Where the placeholders live. */
  public String namespace() {
    return namespace;
  }

  /** Whether the headroom is counted in node-equivalents of a node group's template (no {@code fraction}). */
  public boolean needsNodeGroup() {
    return fraction == 0;
  }

  @Override
  public long periodMs() {
    return period;
  }

  /** How many placeholders the headroom is. */
  int wanted(ClusterView view) {
    double cpu;
    if (fraction > 0) {
      long vmCpu = 0;
      for (Node n : view.nodes()) {
        if (n.kind() == NodeKind.VM && n.ready()) vmCpu += n.allocatable().milliCpu();
      }
      cpu = fraction * vmCpu;
    } else {
      List<NodeGroup> groups = view.nodeGroups();
      if (groups.isEmpty()) {
        return 0;
      }
      Resources alloc = groups.get(0).templateNode().allocatable();
      long perNode = Math.min(alloc.milliCpu() / Math.max(1, size.milliCpu()), alloc.memory() / Math.max(1, size.memory()));
      return (int) Math.floor(nodes * perNode);
    }
    return (int) Math.floor(cpu / Math.max(1, size.milliCpu()));
  }

  @Override
  public void reconcile(ClusterView view, ClusterActions actions) {
    List<Pod> mine = new ArrayList<>();
    for (Pod p : view.pods()) {
      if (Placeholders.isPlaceholder(p) && NAME.equals(p.labels().get(Placeholders.LABEL)) && !p.isDeleting()) {
        mine.add(p);
      }
    }
    int wanted = wanted(view);
    List<Pod> pods = mine.size() < wanted ? view.pods() : List.of();
    for (int i = mine.size(); i < wanted; i++) {
      String name = Placeholders.freshName(pods, namespace, "hns-overprovision-", created);
      actions.createPod(Placeholders.create(namespace, name, NAME, "headroom", size, priority),
          "overprovision: keep headroom warm");
    }
    if (mine.size() > wanted) {
      // Pending ones first: they hold nothing yet.
      mine.sort((a, b) -> Boolean.compare(a.isAssigned(), b.isAssigned()));
      for (Pod p : mine.subList(0, mine.size() - wanted)) {
        actions.deletePod(p.namespace(), p.name(), "overprovision: less headroom wanted");
      }
    }
  }
}
