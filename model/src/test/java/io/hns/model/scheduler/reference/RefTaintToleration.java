package io.hns.model.scheduler.reference;

import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.List;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/tainttoleration/taint_toleration.go. Filter: the first NoSchedule or NoExecute taint no
 * toleration tolerates rejects the node. Score: the number of PreferNoSchedule taints not tolerated
 * by the pod's tolerations with effect empty or PreferNoSchedule, normalized reversed.
 */
public final class RefTaintToleration implements FilterPlugin, ScorePlugin {

  @Override
  public String name() {
    return "TaintToleration";
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    List<Toleration> tolerations = cycle.pod().spec().tolerations();
    for (Taint taint : node.node().taints()) {
      if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
        continue;
      }
      if (!tolerated(taint, tolerations, false)) {
        return List.of("node(s) had untolerated taint " + taint);
      }
    }
    return null;
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return NO_STATE;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    long count = 0;
    List<Toleration> tolerations = cycle.pod().spec().tolerations();
    for (Taint taint : node.node().taints()) {
      if (taint.effect() == TaintEffect.PREFER_NO_SCHEDULE && !tolerated(taint, tolerations, true)) {
        count++;
      }
    }
    return count;
  }

  @Override
  public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
    RefNormalize.defaultNormalize(scores, true);
  }

  /**
   * @param preferOnly only tolerations with an empty or PreferNoSchedule effect count (the
   *     scoring's {@code getAllTolerationPreferNoSchedule})
   */
  private static boolean tolerated(Taint taint, List<Toleration> tolerations, boolean preferOnly) {
    for (Toleration t : tolerations) {
      if (preferOnly && t.effect() != null && t.effect() != TaintEffect.PREFER_NO_SCHEDULE) {
        continue;
      }
      if (t.tolerates(taint)) {
        return true;
      }
    }
    return false;
  }
}
