package io.hns.model.scheduler;

import java.util.List;

/** A scheduler Filter plugin: may the pod run on this node? */
public interface FilterPlugin {
  String name();

  /** PreFilter: per-pod state computed once per attempt (null when the plugin needs none). */
  default Object preFilter(CycleState cycle) {
    return null;
  }

  /**
   * Whether, in this cycle, the verdict on a node depends on nothing but its equivalence class
   * ({@link NodeClasses}: the node object except its name and hostname label, the sums of its
   * pods' requests and its count of pods of the incoming pod's controller), so that the scheduler
   * may run the filter once per class. False (the default) runs it on every node.
   */
  default boolean filterByClass(CycleState cycle, Object preFilterState) {
    return false;
  }

  /** Null when the node passes; otherwise the upstream failure reasons. */
  List<String> filter(CycleState cycle, Object preFilterState, NodeInfo node);
}
