package io.hns.model.scheduler.plugins;

import io.hns.model.resource.Resources;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.List;

/**
 * plugins/noderesources/balanced_allocation.go (current): on actual requests, f_r = min((node +
 * pod)/allocatable, 1) for cpu and memory; score = int((1 − |f_cpu − f_mem| / 2)·100), the
 * population standard deviation of two values. PreScore skips best-effort pods (no cpu and no
 * memory request).
 */
public final class BalancedAllocation implements ScorePlugin {

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
    Resources pod = cycle.pod().spec().requests();
    Resources alloc = node.node().allocatable();
    if (alloc.milliCpu() == 0 || alloc.memory() == 0) {
      return Normalize.MAX_NODE_SCORE; // fewer than two fractions: no deviation
    }
    double cpu = Math.min(1.0, (double) (node.requestedCpu() + pod.milliCpu()) / alloc.milliCpu());
    double memory = Math.min(1.0, (double) (node.requestedMemory() + pod.memory()) / alloc.memory());
    double std = Math.abs((cpu - memory) / 2);
    return (long) ((1 - std) * Normalize.MAX_NODE_SCORE);
  }
}
