package io.hns.model.autoscaler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.resource.Resources;
import java.util.Random;

/** Small builders for nodes, pods and a cluster with one or more VM groups and the virtual node. */
final class Fixtures {
  static final long T0 = 1_700_000_000_000L;
  static final long SECOND = 1000;
  static final long MINUTE = 60 * SECOND;
  static final long GI = 1024L * 1024 * 1024;
  static final long MI = 1024L * 1024;

  static final OwnerRef WEB = new OwnerRef("ReplicaSet", "web-5d8f", "uid-web");
  static final Taint VIRTUAL_TAINT = new Taint("virtual-kubelet.io/provider", "azure", TaintEffect.NO_SCHEDULE);
  static final Toleration TOLERATES_VIRTUAL = Toleration.exists("virtual-kubelet.io/provider");

  private Fixtures() {}

  /** A Ready VM node (capacity = allocatable, 110 pods). */
  static Node vm(String name, long milliCpu, long memory) {
    Resources r = Resources.of(milliCpu, memory, 110);
    return new Node(name, Labels.of(Node.HOSTNAME_LABEL, name, "kubernetes.azure.com/agentpool", "pool"),
        Labels.EMPTY, ImmutableList.of(), r, r, false, true, "azure:///" + name, T0 - 60 * MINUTE,
        ImmutableMap.of());
  }

  static Node vm(String name, long milliCpu, long memory, Taint... taints) {
    return vm(name, milliCpu, memory).withTaints(ImmutableList.copyOf(taints));
  }

  /** The ACI virtual node as the AKS add-on registers it. */
  static Node virtualNode() {
    Resources r = new Resources(10_000_000, 4L * 1024 * GI, 0, 5000, ImmutableMap.of());
    return new Node("virtual-node-aci-linux",
        Labels.of("type", "virtual-kubelet", "kubernetes.io/role", "agent", Node.HOSTNAME_LABEL,
            "virtual-node-aci-linux"),
        Labels.EMPTY, ImmutableList.of(VIRTUAL_TAINT), r, r, false, true, "", T0 - 60 * MINUTE,
        ImmutableMap.of());
  }

  /** The node with one more label. */
  static Node withLabel(Node n, String key, String value) {
    return new Node(n.name(), n.labels().with(key, value), n.annotations(), n.taints(), n.capacity(),
        n.allocatable(), n.unschedulable(), n.ready(), n.providerId(), n.creationTime(), n.imageSizes());
  }

  static PodSpec spec(long milliCpu, long memory, Toleration... tolerations) {
    return PodSpec.builder().requests(milliCpu, memory).tolerations(tolerations).build();
  }

  /** A pod the scheduler marked Unschedulable, owned by {@code owner} (null for a bare pod). */
  static Pod pending(String name, PodSpec spec, OwnerRef owner) {
    return Pod.builder("default", name, spec).uid("uid-" + name).owner(owner)
        .labels(Labels.of("app", owner == null ? name : owner.name()))
        .creationTime(T0 - MINUTE).unschedulable(true).build();
  }

  /** A Running pod bound to {@code node}. */
  static Pod running(String name, String node, PodSpec spec, OwnerRef owner) {
    return Pod.builder("default", name, spec).uid("uid-" + name).owner(owner)
        .labels(Labels.of("app", owner == null ? name : owner.name()))
        .nodeName(node).phase(PodPhase.RUNNING).ready(ConditionStatus.TRUE, T0 - 30 * MINUTE)
        .creationTime(T0 - 30 * MINUTE).startTime(T0 - 30 * MINUTE).build();
  }

  static Random seeded(long seed) {
    return new Random(seed);
  }
}
