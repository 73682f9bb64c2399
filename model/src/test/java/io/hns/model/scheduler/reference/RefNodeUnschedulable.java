package io.hns.model.scheduler.reference;

import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import java.util.List;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/nodeunschedulable: a cordoned node ({@code spec.unschedulable}) rejects pods that do not
 * tolerate {@code node.kubernetes.io/unschedulable:NoSchedule}.
 */
public final class RefNodeUnschedulable implements FilterPlugin {
  static final List<String> REASON = List.of("node(s) were unschedulable");
  private static final Taint UNSCHEDULABLE =
      new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NO_SCHEDULE);

  @Override
  public String name() {
    return "NodeUnschedulable";
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    if (!node.node().unschedulable()) {
      return null;
    }
    for (Toleration t : cycle.pod().spec().tolerations()) {
      if (t.tolerates(UNSCHEDULABLE)) {
        return null;
      }
    }
    return REASON;
  }
}
