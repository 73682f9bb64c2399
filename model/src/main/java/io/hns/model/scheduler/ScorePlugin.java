package io.hns.model.scheduler;

import java.util.List;

/**
 * A scheduler Score plugin: raw score per feasible node, then NormalizeScore to 0..100. PreScore
 * may return {@link #SKIP}, in which case the plugin contributes 0 to every node, as upstream.
 */
public interface ScorePlugin {
  Object SKIP = new Object() {
    @Override
    public String toString() {
      return "SKIP";
    }
  };
  Object NO_STATE = new Object();

  String name();

  /** PreScore: per-pod state for scoring, or {@link #SKIP}. */
  Object preScore(CycleState cycle, List<NodeInfo> feasible);

  long score(CycleState cycle, Object state, NodeInfo node);

  /** NormalizeScore; the default keeps raw scores (plugins that already score 0..100). */
  default void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {}
}
