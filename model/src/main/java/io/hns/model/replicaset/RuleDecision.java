package io.hns.model.replicaset;

/**
 * The outcome of comparing two pods: which rule decided and in which direction.
 *
 * @param order negative when the first pod is deleted first, positive when the second is, zero when
 *     upstream's {@code Less} is false both ways
 */
public record RuleDecision(DeletionRule rule, int order) {
  static RuleDecision firstDeletedFirst(DeletionRule rule, boolean firstGoesFirst) {
    return new RuleDecision(rule, firstGoesFirst ? -1 : 1);
  }

  static RuleDecision equal(DeletionRule rule) {
    return new RuleDecision(rule, 0);
  }
}
