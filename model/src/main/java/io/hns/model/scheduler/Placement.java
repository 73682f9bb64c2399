package io.hns.model.scheduler;

import java.util.List;

/**
 * The outcome of one scheduling attempt.
 *
 * @param node the selected node, or null when no node fits
 * @param failureMessage upstream's FitError text when no node fits ("0/3 nodes are available: ...")
 * @param evaluations per-node detail, only when an explanation was asked for (else empty)
 * @param ranking feasible node names best first, only with an explanation
 */
public record Placement(
    String node, int feasibleNodes, String failureMessage, List<NodeEvaluation> evaluations, List<String> ranking) {

  public boolean scheduled() {
    return node != null;
  }
}
