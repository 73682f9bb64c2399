package io.hns.live;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.model.port.NodeGroup;
import java.util.List;

/**
 * A frozen view: one reconcile sees one consistent cluster even while informers keep updating.
 * Also what tests build by hand to feed a policy the same state it sees live.
 */
public record LiveSnapshot(
    long now,
    List<Node> nodes,
    List<Pod> pods,
    List<Workload> workloads,
    List<NodeGroup> nodeGroups,
    List<HpaSpec> hpas,
    List<DisruptionBudget> pdbStatuses,
    List<PodUsage> podUsage) implements LiveView {

  public LiveSnapshot {
    nodes = List.copyOf(nodes);
    pods = List.copyOf(pods);
    workloads = List.copyOf(workloads);
    nodeGroups = List.copyOf(nodeGroups);
    hpas = List.copyOf(hpas);
    pdbStatuses = List.copyOf(pdbStatuses);
    podUsage = List.copyOf(podUsage);
  }

  public static LiveSnapshot of(long now, List<Node> nodes, List<Pod> pods, List<Workload> workloads) {
    return new LiveSnapshot(now, nodes, pods, workloads, List.of(), List.of(), List.of(), List.of());
  }
}
