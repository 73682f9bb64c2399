package io.hns.simulator.output;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Workload;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.state.ClusterState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.LongFunction;

/**
 * Samples the cluster every step into timeline rows. Pod counts are kept from pod changes (it
 * listens to the state), so a sample costs a pass over nodes, not over pods.
 */
public final class TimelineSampler implements io.hns.simulator.state.StateListener {
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
    for (Pod p : state.pods()) {
      count(p, 1);
    }
    state.listen(this);
  }

  /** Pods counted per node while Running (by node name), and pods not Running. */
  private final Map<String, int[]> runningByNode = new HashMap<>(); // {running, ready}
  private int pending;

  /** Workload pods only: the nodes' system pods would hide the numbers that matter. */
  private static boolean counted(Pod p) {
    return p.isActive() && !p.namespace().equals("kube-system");
  }

  private void count(Pod p, int sign) {
    if (!counted(p)) {
      return;
    }
    if (p.phase() != PodPhase.RUNNING) {
      pending += sign;
      return;
    }
    int[] c = runningByNode.computeIfAbsent(p.nodeName(), k -> new int[2]);
    c[0] += sign;
    if (p.isReady()) c[1] += sign;
    if (c[0] == 0 && c[1] == 0) {
      runningByNode.remove(p.nodeName());
    }
  }

  @Override
  public void podAdded(Pod pod) {
    count(pod, 1);
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    count(before, -1);
    count(after, 1);
  }

  @Override
  public void podRemoved(Pod pod) {
    count(pod, -1);
  }

  public void sample() {
    double[] load = demand.sample(stepMs);
    int desired = 0;
    for (Workload d : state.deployments()) {
      desired += d.replicas();
    }
    // Counts kept from pod changes, split by the kind of each pod's node now (a node that is gone
    // counts as a VM node, as ClusterState.kindOf has it).
    int runningVm = 0;
    int runningVirtual = 0;
    int readyVm = 0;
    int readyVirtual = 0;
    for (Map.Entry<String, int[]> e : runningByNode.entrySet()) {
      int[] c = e.getValue();
      if (state.kindOf(e.getKey()) == NodeKind.VIRTUAL) {
        runningVirtual += c[0];
        readyVirtual += c[1];
      } else {
        runningVm += c[0];
        readyVm += c[1];
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
