package io.hns.simulator.state;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;

/** Watches the cluster state as controllers watch the API server (informer callbacks). */
public interface StateListener {
  default void podAdded(Pod pod) {}

  default void podUpdated(Pod before, Pod after) {}

  default void podRemoved(Pod pod) {}

  default void nodeAdded(Node node) {}

  default void nodeUpdated(Node before, Node after) {}

  default void nodeRemoved(Node node) {}

  default void workloadChanged(Workload workload) {}
}
