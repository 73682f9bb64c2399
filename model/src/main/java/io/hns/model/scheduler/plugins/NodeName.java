package io.hns.model.scheduler.plugins;

import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import java.util.List;

/** plugins/nodename: a pod that names a node in {@code spec.nodeName} fits only that node. */
public final class NodeName implements FilterPlugin {
  static final List<String> REASON = List.of("node(s) didn't match the requested node name");

  @Override
  public String name() {
    return "NodeName";
  }

  @Override
  public boolean filterByClass(CycleState cycle, Object state) {
    return cycle.pod().spec().nodeName().isEmpty(); // else it compares node names
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    String wanted = cycle.pod().spec().nodeName();
    return wanted.isEmpty() || wanted.equals(node.name()) ? null : REASON;
  }
}
