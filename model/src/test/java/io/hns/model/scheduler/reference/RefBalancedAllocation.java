package io.hns.model.scheduler.reference;

import io.hns.model.resource.Resources;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.List;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/noderesources/balanced_allocation.go (current): on actual requests, f_r = min((node +
 * pod)/allocatable, 1) for cpu and memory; score = int((1 − |f_cpu − f_mem| / 2)·100), the
 * population standard deviation of two values. PreScore skips best-effort pods (no cpu and no
 * memory request).
 */
public final class RefBalancedAllocation implements ScorePlugin {

  @Override
  public String name() {
    return "NodeResourcesBalancedAllocation";
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    Resources r = cycle.pod().spec().requests();
    return r.milliCpu() == 0 && r.memory() == 0 ? SKIP : NO_STATE;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    Resources pod = cycle.pod().spec().requests();
    Resources alloc = node.node().allocatable();
    double[] fractions = new double[2];
    int n = 0;
    if (alloc.milliCpu() != 0) {
      fractions[n++] = Math.min(1.0, (double) (node.requestedCpu() + pod.milliCpu()) / alloc.milliCpu());
    }
    if (alloc.memory() != 0) {
      fractions[n++] = Math.min(1.0, (double) (node.requestedMemory() + pod.memory()) / alloc.memory());
    }
    double std = n == 2 ? Math.abs((fractions[0] - fractions[1]) / 2) : 0;
    return (long) ((1 - std) * RefNormalize.MAX_NODE_SCORE);
  }
}
