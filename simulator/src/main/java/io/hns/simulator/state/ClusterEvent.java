package io.hns.simulator.state;

/** A Kubernetes-style event: when (ms), about what, Normal or Warning, reason and message. */
public record ClusterEvent(long time, ObjectRef object, String type, String reason, String message) {
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";
}
