package io.hns.model.replicaset;

import java.util.List;
import java.util.Optional;

/**
 * What one ReplicaSet sync deletes when it has too many pods.
 *
 * @param order the candidates with their ranks, in deletion preference order; in input order when
 *     {@link #sorted} is false (everything is deleted, so upstream does not sort)
 * @param deleteCount how many of {@code order}, from the front, are deleted
 * @param sorted whether {@code order} was sorted by {@link PodDeletionRanking}
 * @param ranking the comparator used, for explaining the decisions
 */
public record ScaleDownPlan(List<RankedPod> order, int deleteCount, boolean sorted, PodDeletionRanking ranking) {
  public ScaleDownPlan {
    order = List.copyOf(order);
  }

  public List<RankedPod> deleted() {
    return order.subList(0, deleteCount);
  }

  public List<RankedPod> kept() {
    return order.subList(deleteCount, order.size());
  }

  /**
   * Why {@code order.get(index)} falls on its side of the cut: for a deleted pod, the comparison
   * with the first kept pod; for a kept pod, with the last deleted pod. Empty when nothing was
   * ranked (everything or nothing is deleted), because then no rule was applied.
   */
  public Optional<RuleDecision> decisionAtCut(int index) {
    if (!sorted || deleteCount == 0 || deleteCount >= order.size()) {
      return Optional.empty();
    }
    RankedPod pod = order.get(index);
    return Optional.of(index < deleteCount
        ? ranking.decide(pod, order.get(deleteCount))
        : ranking.decide(order.get(deleteCount - 1), pod));
  }

  /** The pod on the other side of the cut that {@link #decisionAtCut} compares with. */
  public Optional<RankedPod> counterpartAtCut(int index) {
    if (!sorted || deleteCount == 0 || deleteCount >= order.size()) {
      return Optional.empty();
    }
    return Optional.of(order.get(index < deleteCount ? deleteCount : deleteCount - 1));
  }
}
