package io.hns.model.scheduler.reference;

import io.hns.model.resource.Resources;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/noderesources/fit.go. Filter ({@code fitsRequest}): "Too many pods" when the node's pod
 * count would exceed allocatable pods (checked even for pods without requests), then each requested
 * resource against allocatable minus requested; equality fits. Score: the default LeastAllocated
 * strategy over cpu and memory with weight 1 each, on non-zero requests (least_allocated.go).
 */
public final class RefNodeResourcesFit implements FilterPlugin, ScorePlugin {

  @Override
  public String name() {
    return "NodeResourcesFit";
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    return insufficient(cycle.pod().spec().requests(), node);
  }

  /** The upstream reasons why {@code request} does not fit on {@code node}, or null. */
  public static List<String> insufficient(Resources request, NodeInfo node) {
    Resources alloc = node.node().allocatable();
    List<String> reasons = null;
    if (node.podCount() + 1 > alloc.pods()) {
      reasons = add(reasons, "Too many pods");
    }
    if (request.milliCpu() == 0 && request.memory() == 0 && request.ephemeralStorage() == 0
        && request.scalars().isEmpty()) {
      return reasons;
    }
    if (request.milliCpu() > 0 && request.milliCpu() > alloc.milliCpu() - node.requestedCpu()) {
      reasons = add(reasons, "Insufficient cpu");
    }
    if (request.memory() > 0 && request.memory() > alloc.memory() - node.requestedMemory()) {
      reasons = add(reasons, "Insufficient memory");
    }
    if (request.ephemeralStorage() > 0
        && request.ephemeralStorage() > alloc.ephemeralStorage() - node.requestedEphemeral()) {
      reasons = add(reasons, "Insufficient ephemeral-storage");
    }
    for (Map.Entry<String, Long> e : request.scalars().entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      if (e.getValue() > alloc.scalar(e.getKey()) - node.requestedScalar(e.getKey())) {
        reasons = add(reasons, "Insufficient " + e.getKey());
      }
    }
    return reasons;
  }

  private static List<String> add(List<String> reasons, String r) {
    List<String> out = reasons == null ? new ArrayList<>(2) : reasons;
    out.add(r);
    return out;
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return NO_STATE;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    Resources pod = cycle.pod().spec().nonZeroRequests();
    Resources alloc = node.node().allocatable();
    long sum = 0;
    long weights = 0;
    if (alloc.milliCpu() != 0) {
      sum += leastRequested(node.nonZeroCpu() + pod.milliCpu(), alloc.milliCpu());
      weights++;
    }
    if (alloc.memory() != 0) {
      sum += leastRequested(node.nonZeroMemory() + pod.memory(), alloc.memory());
      weights++;
    }
    return weights == 0 ? 0 : sum / weights;
  }

  /** {@code leastRequestedScore}: (capacity − requested)·100 / capacity, 0 when over capacity. */
  static long leastRequested(long requested, long capacity) {
    if (capacity == 0 || requested > capacity) {
      return 0;
    }
    return (capacity - requested) * RefNormalize.MAX_NODE_SCORE / capacity;
  }
}
