package io.hns.live;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.model.port.NodeGroup;
import java.util.List;

/**
 * A frozen view: one reconcile sees one consistent cluster even while informers keep updating.
 * Also what tests build by hand to feed a policy the same state it sees live.
 *
 * @param disruptionBudgets the PDBs as the model compiles them ({@code DisruptionBudgetCompiler});
 *     the disruptions a budget allows are computed from the pods, as the simulator does
 */
public record LiveSnapshot(
    long now,
    List<Node> nodes,
    List<Pod> pods,
    List<Workload> workloads,
    List<NodeGroup> nodeGroups,
    List<HpaSpec> hpas,
    List<DisruptionBudget> disruptionBudgets,
    List<PodUsage> podUsage) implements LiveView {

  public LiveSnapshot {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
    workloads = List.copyOf(workloads);
    nodeGroups = List.copyOf(nodeGroups);
    hpas = List.copyOf(hpas);
    disruptionBudgets = List.copyOf(disruptionBudgets);
    podUsage = List.copyOf(podUsage);
  }

  public static LiveSnapshot of(long now, List<Node> nodes, List<Pod> pods, List<Workload> workloads) {
    return new LiveSnapshot(now, nodes, pods, workloads, List.of(), List.of(), List.of(), List.of());
  }
}
