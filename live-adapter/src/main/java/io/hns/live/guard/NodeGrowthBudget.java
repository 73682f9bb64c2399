package io.hns.live.guard;

import java.util.HashMap;
import java.util.Map;

/**
 * The "max nodes added" bound: per node group, the size it had when hns first saw it plus the
 * allowance. Kept for the life of the process, so a policy cannot creep past it one node a loop.
 */
public final class NodeGrowthBudget {
  private final int maxNodesAdded;
  private final Map<String, Integer> baseline = new HashMap<>();

  public NodeGrowthBudget(int maxNodesAdded) {
    this.maxNodesAdded = maxNodesAdded;
  }

  /** The largest target size allowed for this group. */
  public synchronized int ceiling(String groupId, int currentTarget) {
    return baseline.computeIfAbsent(groupId, g -> currentTarget) + maxNodesAdded;
  }

  public int maxNodesAdded() {
    return maxNodesAdded;
  }
}
