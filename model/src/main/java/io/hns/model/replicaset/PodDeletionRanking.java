package io.hns.model.replicaset;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Times;
import java.util.Comparator;

/**
 * The ReplicaSet controller's scale-down preference, {@code ActivePodsWithRanks.Less} of k8s
 * pkg/controller/controller_utils.go with LogarithmicScaleDown and PodDeletionCost enabled:
 * ascending order puts the pod to delete first. The first rule that tells two pods apart decides:
 *
 * <ol>
 *   <li>unassigned before assigned (only when exactly one is unassigned);
 *   <li>phase Pending &lt; Unknown &lt; Running;
 *   <li>not ready before ready;
 *   <li>lower pod-deletion-cost first;
 *   <li>higher rank (co-located related pods) first;
 *   <li>if both are ready and their ready times differ: an unset ready time first, else the
 *       smaller {@link LogarithmicAge} bucket (more recently ready) first, equal buckets by UID;
 *   <li>higher max container restart count first;
 *   <li>if creation times differ: an unset one first, else the smaller bucket, equal buckets by UID;
 *   <li>otherwise equal.
 * </ol>
 *
 * <p>Rules 6 and 8 end the comparison once the times differ, even when the buckets and UIDs are
 * equal: upstream returns {@code UID_a < UID_b} there and never reaches the later rules. UIDs are
 * compared as Java strings, which equals Go's byte order for the ASCII UIDs the API server issues.
 *
 * <p>Like upstream's {@code Less}, this is not guaranteed to be transitive (rule 6 and 8 fall
 * through only when times are exactly equal), so sort with {@link StableSort}, which never rejects
 * an inconsistent comparator, rather than {@code List.sort}, which may throw.
 */
public final class PodDeletionRanking implements Comparator<RankedPod> {
  private final long now;

  /**
   * @param now the reference time of the logarithmic comparisons, epoch milliseconds
   *     ({@code ActivePodsWithRanks.Now}); {@link Times#UNSET} compares raw times, as upstream does
   *     with a zero Now
   */
  public PodDeletionRanking(long now) {
    this.now = now;
  }

  public long now() {
    return now;
  }

  @Override
  public int compare(RankedPod a, RankedPod b) {
    return decide(a, b).order();
  }

  /** The rule that orders {@code a} and {@code b}, and which of them goes first. */
  public RuleDecision decide(RankedPod a, RankedPod b) {
    Pod p = a.pod();
    Pod q = b.pod();
    if (p.isAssigned() != q.isAssigned()) {
      return RuleDecision.firstDeletedFirst(DeletionRule.UNASSIGNED, !p.isAssigned());
    }
    if (phaseOrdinal(p.phase()) != phaseOrdinal(q.phase())) {
      return RuleDecision.firstDeletedFirst(DeletionRule.PHASE, phaseOrdinal(p.phase()) < phaseOrdinal(q.phase()));
    }
    if (p.isReady() != q.isReady()) {
      return RuleDecision.firstDeletedFirst(DeletionRule.NOT_READY, !p.isReady());
    }
    int costP = PodDeletionCost.of(p);
    int costQ = PodDeletionCost.of(q);
    if (costP != costQ) {
      return RuleDecision.firstDeletedFirst(DeletionRule.DELETION_COST, costP < costQ);
    }
    if (a.rank() != b.rank()) {
      return RuleDecision.firstDeletedFirst(DeletionRule.RANK, a.rank() > b.rank());
    }
    if (p.isReady() && q.isReady() && readyTime(p) != readyTime(q)) {
      return byTime(DeletionRule.READY_TIME, readyTime(p), readyTime(q), p, q);
    }
    if (p.restartCount() != q.restartCount()) {
      return RuleDecision.firstDeletedFirst(DeletionRule.RESTARTS, p.restartCount() > q.restartCount());
    }
    if (p.creationTime() != q.creationTime()) {
      return byTime(DeletionRule.CREATION_TIME, p.creationTime(), q.creationTime(), p, q);
    }
    return RuleDecision.equal(DeletionRule.EQUAL);
  }

  /** Rules 6 and 8 once the two times are known to differ. */
  private RuleDecision byTime(DeletionRule rule, long t1, long t2, Pod p, Pod q) {
    if (!Times.isSet(now) || !Times.isSet(t1) || !Times.isSet(t2)) {
      return afterOrZero(rule, t1, t2);
    }
    int bucketDiff = Integer.compare(LogarithmicAge.bucket(t1, now), LogarithmicAge.bucket(t2, now));
    if (bucketDiff != 0) {
      return RuleDecision.firstDeletedFirst(rule, bucketDiff < 0);
    }
    // Same bucket: upstream's pseudo-random order. Equal UIDs make Less false both ways: a tie.
    int uidOrder = p.uid().compareTo(q.uid());
    return uidOrder == 0 ? RuleDecision.equal(rule) : RuleDecision.firstDeletedFirst(rule, uidOrder < 0);
  }

  /** Upstream's afterOrZero: an unset time first, else the later time first. */
  private static RuleDecision afterOrZero(DeletionRule rule, long t1, long t2) {
    if (!Times.isSet(t1) || !Times.isSet(t2)) {
      return RuleDecision.firstDeletedFirst(rule, !Times.isSet(t1));
    }
    return RuleDecision.firstDeletedFirst(rule, t1 > t2);
  }

  /**
   * The Ready condition's lastTransitionTime when the pod is ready ({@code podReadyTime}); the
   * model keeps that time even for a not-ready pod, but upstream only reads it for ready ones.
   */
  static long readyTime(Pod pod) {
    return pod.isReady() ? pod.readyTransitionTime() : Times.UNSET;
  }

  /**
   * {@code podPhaseToOrdinal}: Pending 0, Unknown 1, Running 2. Terminal phases are absent from
   * upstream's map and read as 0; they only matter if a caller passes inactive pods.
   */
  static int phaseOrdinal(PodPhase phase) {
    return switch (phase) {
      case UNKNOWN -> 1;
      case RUNNING -> 2;
      default -> 0;
    };
  }
}
