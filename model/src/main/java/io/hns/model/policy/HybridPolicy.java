package io.hns.model.policy;

import io.hns.model.port.ClusterActions;
import io.hns.model.port.ClusterView;

/**
 * A reconcile loop that acts on the cluster beyond pod templates: it observes through
 * {@link ClusterView} and acts through {@link ClusterActions}, every {@link #periodMs()}. The
 * simulator and the live adapter run the very same instance type. Instances keep state between
 * reconciles, so each run (or each live process) creates its own.
 */
public interface HybridPolicy {
  String name();

  long periodMs();

  void reconcile(ClusterView view, ClusterActions actions);
}
