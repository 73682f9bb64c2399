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

  /**
   * Whether, in this cycle, a node's raw score depends on nothing but its equivalence class (see
   * {@link FilterPlugin#filterByClass}), so that the scheduler may score one node per class. False
   * (the default) scores every node. Normalization always sees every node's score.
   */
  default boolean scoreByClass(CycleState cycle, Object state) {
    return false;
  }

  /**
   * Whether {@link #normalize}, given one node and one score per equivalence class (when
   * {@link #scoreByClass} holds) instead of every feasible node, gives each class exactly the
   * score its nodes would get: true when normalization depends on the scores only through their
   * extremes (or not at all), false (the default) when through sums or counts of nodes.
   */
  default boolean normalizeByClass(CycleState cycle, Object state) {
    return false;
  }

  /** NormalizeScore; the default keeps raw scores (plugins that already score 0..100). */
  default void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {}
}
