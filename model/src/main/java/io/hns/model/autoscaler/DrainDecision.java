package io.hns.model.autoscaler;

/**
 * What draining a node means for one of its pods (CA {@code simulator/drainability/status.go}):
 * {@link Outcome#SKIP} the pod stays or goes with the node (DaemonSet, mirror, terminal, long
 * terminating); {@link Outcome#MOVE} it must be evicted and fit elsewhere; {@link Outcome#BLOCK} the
 * node cannot be drained, for {@code reason}.
 */
record DrainDecision(Outcome outcome, String reason) {
  enum Outcome {
    SKIP,
    MOVE,
    BLOCK
  }

  static final DrainDecision SKIP = new DrainDecision(Outcome.SKIP, "");
  static final DrainDecision MOVE = new DrainDecision(Outcome.MOVE, "");

  static DrainDecision block(String reason) {
    return new DrainDecision(Outcome.BLOCK, reason);
  }

  boolean blocks() {
    return outcome == Outcome.BLOCK;
  }
}
