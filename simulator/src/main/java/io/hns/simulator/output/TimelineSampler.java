package io.hns.simulator.output;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Workload;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.state.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;

/** Samples the cluster every step into timeline rows. */
public final class TimelineSampler {
  private final ClusterState state;
  private final DemandMeter demand;
  private final IntSupplier nodesCreating;
  private final LongFunction<double[]> costs;
  private final long stepMs;
  private final List<TimelineRow> rows = new ArrayList<>();

  /**
   * @param costs VM and ACI cost so far, in USD, at a time
   */
  public TimelineSampler(ClusterState state, DemandMeter demand, IntSupplier nodesCreating,
      LongFunction<double[]> costs, long stepMs) {
    this.state = state;
    this.demand = demand;
    this.nodesCreating = nodesCreating;
    this.costs = costs;
    this.stepMs = stepMs;
  }

  public void sample() {
    double[] load = demand.sample(stepMs);
    int desired = 0;
    for (Workload d : state.deployments()) {
      desired += d.replicas();
    }
    // The virtual nodes, to tell where a pod runs without a lookup per pod (as kindOf: a node that
    // is gone counts as a VM node).
    java.util.Set<String> virtualNodes = new java.util.HashSet<>();
    for (Node n : state.nodes()) {
      if (n.kind() == NodeKind.VIRTUAL) {
        virtualNodes.add(n.name());
      }
    }
    int pending = 0;
    int runningVm = 0;
    int runningVirtual = 0;
    int readyVm = 0;
    int readyVirtual = 0;
    for (Pod p : state.pods()) {
      // Workload pods only: the nodes' system pods would hide the numbers that matter.
      if (!p.isActive() || p.namespace().equals("kube-system")) {
        continue;
      }
      boolean running = p.phase() == PodPhase.RUNNING;
      if (!running) {
        pending++;
        continue;
      }
      boolean virtual = !virtualNodes.isEmpty() && virtualNodes.contains(p.nodeName());
      if (virtual) {
        runningVirtual++;
        if (p.isReady()) readyVirtual++;
      } else {
        runningVm++;
        if (p.isReady()) readyVm++;
      }
    }
    int nodesReady = 0;
    int nodesNotReady = 0;
    for (Node n : state.nodes()) {
      if (n.kind() == NodeKind.VIRTUAL) {
        continue;
      }
      if (n.ready()) nodesReady++;
      else nodesNotReady++;
    }
    double[] c = costs.apply(state.now());
    rows.add(new TimelineRow(state.now(), load[0], load[1], load[2], desired, pending, runningVm, runningVirtual,
        readyVm, readyVirtual, nodesReady, nodesNotReady, nodesCreating.getAsInt(), c[0], c[1]));
  }

  public List<TimelineRow> rows() {
    return rows;
  }
}
