package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;

/**
 * Event reasons and object references the autoscaler uses, as upstream CA records them: pod events
 * through its recorder ({@code processors/status/eventing_scale_up_processor.go}), cluster-level
 * ones on its status ConfigMap through the log recorder, node events on the node.
 */
final class AutoscalerEvents {
  /** The object CA's log recorder attaches cluster-level events to. */
  static final String STATUS_OBJECT = "ConfigMap/kube-system/cluster-autoscaler-status";

  static final String NORMAL = "Normal";
  static final String WARNING = "Warning";

  static final String TRIGGERED_SCALE_UP = "TriggeredScaleUp";
  static final String NOT_TRIGGER_SCALE_UP = "NotTriggerScaleUp";
  static final String SCALED_UP_GROUP = "ScaledUpGroup";
  static final String FAILED_TO_SCALE_UP_GROUP = "FailedToScaleUpGroup";
  static final String SCALE_UP_TIMED_OUT = "ScaleUpTimedOut";
  static final String SCALE_UP_FAILED = "ScaleUpFailed";
  static final String MAX_NODES_TOTAL_REACHED = "MaxNodesTotalReached";
  static final String DELETE_UNREGISTERED = "DeleteUnregistered";
  static final String SCALE_DOWN = "ScaleDown";
  static final String SCALE_DOWN_EMPTY = "ScaleDownEmpty";
  static final String SCALE_DOWN_FAILED = "ScaleDownFailed";

  /** Skipped-group reasons (core/scaleup/orchestrator/skippedreasons.go). */
  static final String BACKOFF_REASON = "in backoff after failed scale-up";
  static final String MAX_LIMIT_REACHED_REASON = "max node group size reached";

  private AutoscalerEvents() {}

  static String pod(Pod p) {
    return "Pod/" + p.namespace() + "/" + p.name();
  }

  /** Nodes are cluster-scoped: {@code Node/<name>}. */
  static String node(String name) {
    return "Node/" + name;
  }

  /** Go's {@code %v} of a duration for whole seconds and minutes, as in "15m0s". */
  static String goDuration(long ms) {
    long s = ms / 1000;
    long h = s / 3600;
    long m = (s % 3600) / 60;
    long sec = s % 60;
    StringBuilder b = new StringBuilder();
    if (h > 0) {
      b.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      b.append(m).append('m');
    }
    b.append(sec).append('s');
    return b.toString();
  }
}
