package io.hns.model.scheduler.plugins;

import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import java.util.List;

/**
 * plugins/nodeunschedulable: a cordoned node ({@code spec.unschedulable}) rejects pods that do not
 * tolerate {@code node.kubernetes.io/unschedulable:NoSchedule}.
 */
public final class NodeUnschedulable implements FilterPlugin {
  static final List<String> REASON = List.of("node(s) were unschedulable");
  private static final Taint UNSCHEDULABLE =
      new Taint("node.kubernetes.io/unschedulable", "", TaintEffect.NO_SCHEDULE);

  @Override
  public String name() {
    return "NodeUnschedulable";
  }

  @Override
  public boolean filterByClass(CycleState cycle, Object state) {
    return true; // cordoning is part of the class
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
