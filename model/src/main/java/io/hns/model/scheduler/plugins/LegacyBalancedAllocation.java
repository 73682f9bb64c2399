package io.hns.model.scheduler.plugins;

import io.hns.model.resource.Resources;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.List;

/**
 * NodeResourcesBalancedAllocation as in Kubernetes 1.19 (balanced_allocation.go of release-1.19):
 * on non-zero requests, 0 when either fraction reaches 1, else int((1 − |f_cpu − f_mem|)·100). No
 * PreScore skip. Kept for reproducing clusters of that version (the seed experiment's).
 */
public final class LegacyBalancedAllocation implements ScorePlugin {

  @Override
  public String name() {
    return "NodeResourcesBalancedAllocation";
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return NO_STATE;
  }

  @Override
  public boolean scoreByClass(CycleState cycle, Object state) {
    return true;
  }

  /** Scores are final (no normalization). */
  @Override
  public boolean normalizeByClass(CycleState cycle, Object state) {
    return true;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    Resources pod = cycle.pod().spec().nonZeroRequests();
    Resources alloc = node.node().allocatable();
    double cpu = fraction(node.nonZeroCpu() + pod.milliCpu(), alloc.milliCpu());
    double mem = fraction(node.nonZeroMemory() + pod.memory(), alloc.memory());
    if (cpu >= 1 || mem >= 1) {
      return 0;
    }
    return (long) ((1 - Math.abs(cpu - mem)) * Normalize.MAX_NODE_SCORE);
  }

  /** {@code fractionOfCapacity}: 1 when capacity is 0. */
  private static double fraction(long requested, long capacity) {
    return capacity == 0 ? 1 : (double) requested / capacity;
  }
}
