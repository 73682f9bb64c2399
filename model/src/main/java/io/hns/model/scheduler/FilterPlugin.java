package io.hns.model.scheduler;

import java.util.List;

/** A scheduler Filter plugin: may the pod run on this node? */
public interface FilterPlugin {
  String name();

  /** PreFilter: per-pod state computed once per attempt (null when the plugin needs none). */
  default Object preFilter(CycleState cycle) {
    return null;
  }

  /** Null when the node passes; otherwise the upstream failure reasons. */
  List<String> filter(CycleState cycle, Object preFilterState, NodeInfo node);
}
