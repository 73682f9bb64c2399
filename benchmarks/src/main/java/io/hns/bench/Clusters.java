package io.hns.bench;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.policy.PlacementPolicies;
import io.hns.model.resource.Resources;
import io.hns.simulator.controller.VirtualNodeFactory;
import java.util.ArrayList;
import java.util.List;

/** Synthetic clusters for benchmarks: D4s_v3-like VM nodes over 3 zones plus the virtual node. */
final class Clusters {
  private Clusters() {}

  static List<Node> nodes(int vmNodes) {
    List<Node> out = new ArrayList<>();
    Resources alloc = new Resources(3860, 12_884_901_888L, 0, 110, ImmutableMap.of());
    for (int i = 0; i < vmNodes; i++) {
      String name = String.format("aks-userpool-12345678-vmss%06d", i);
      out.add(new Node(name, Labels.of(Node.HOSTNAME_LABEL, name, Node.ZONE_LABEL, "eastus-" + (1 + i % 3),
          "agentpool", "userpool", "kubernetes.io/role", "agent"), Labels.EMPTY, ImmutableList.of(), alloc, alloc,
          false, true, "azure:///vmss/" + i, 0, ImmutableMap.of()));
    }
    out.add(VirtualNodeFactory.create(VirtualNodeFactory.DEFAULT_NAME, 0));
    return out;
  }

  static PodSpec webSpec() {
    return PlacementPolicies.BURST.apply(PodSpec.builder().requests(250, 256L << 20).build());
  }

  /** {@code perNode} running pods of one of {@code workloads} ReplicaSets on every VM node. */
  static List<Pod> pods(List<Node> nodes, int perNode, int workloads) {
    List<Pod> out = new ArrayList<>();
    PodSpec spec = webSpec();
    int n = 0;
    for (Node node : nodes) {
      if (node.kind() != io.hns.model.cluster.NodeKind.VM) continue;
      for (int i = 0; i < perNode; i++, n++) {
        int w = n % workloads;
        out.add(pod("web" + w + "-" + n, w, spec).toBuilder().nodeName(node.name()).phase(PodPhase.RUNNING)
            .ready(ConditionStatus.TRUE, 0).startTime(0).build());
      }
    }
    return out;
  }

  static Pod pod(String name, int workload, PodSpec spec) {
    return Pod.builder("apps", name, spec).uid("uid-" + name).labels(Labels.of("app", "web" + workload))
        .owner(new OwnerRef("ReplicaSet", "web" + workload + "-abc", "rs-" + workload)).creationTime(0).build();
  }
}
