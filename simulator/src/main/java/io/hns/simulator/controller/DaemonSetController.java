package io.hns.simulator.controller;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Times;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.List;

/**
 * The node's system pods: DaemonSet pods (kube-proxy, the monitoring agent, ...) on every VM node
 * as it registers, as the DaemonSet controller would create them (DaemonSets do not run on the
 * virtual node). The per-node template is a list of pods bound to a sample node.
 */
public final class DaemonSetController implements StateListener {
  private final ClusterState state;
  private final List<Pod> daemonPods;
  private final NameGenerator names;

  public DaemonSetController(ClusterState state, List<Pod> daemonPods, NameGenerator names) {
    this.state = state;
    this.daemonPods = daemonPods;
    this.names = names;
  }

  @Override
  public void nodeAdded(Node node) {
    if (node.kind() != NodeKind.VM) {
      return;
    }
    // A node that registers Ready existed before the run (the pool's initial nodes): its system
    // pods are already running. A node that registers NotReady is new: its kubelet starts them.
    boolean existing = node.ready();
    for (Pod template : daemonPods) {
      String base = template.owner() == null ? template.name() : template.owner().name();
      Pod pod = template.toBuilder()
          .nodeName(node.name())
          .uid(names.uid())
          .creationTime(state.now())
          .phase(existing ? PodPhase.RUNNING : PodPhase.PENDING)
          .ready(existing ? ConditionStatus.TRUE : ConditionStatus.ABSENT, existing ? state.now() : Times.UNSET)
          .startTime(existing ? state.now() : Times.UNSET)
          .build();
      state.addPod(rename(pod, base + "-" + names.suffix(5)));
    }
  }

  private static Pod rename(Pod p, String name) {
    return new Pod(p.namespace(), name, p.uid(), p.labels(), p.annotations(), p.owner(), p.spec(), p.nodeName(),
        p.phase(), p.ready(), p.readyTransitionTime(), p.creationTime(), p.startTime(), p.deletionTime(),
        p.restartCount(), p.unschedulable(), p.reason());
  }
}
