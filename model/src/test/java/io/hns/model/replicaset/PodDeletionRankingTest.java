package io.hns.model.replicaset;

import static io.hns.model.replicaset.TestPods.NOW;
import static io.hns.model.replicaset.TestPods.ago;
import static io.hns.model.replicaset.TestPods.notReady;
import static io.hns.model.replicaset.TestPods.plain;
import static io.hns.model.replicaset.TestPods.running;
import static io.hns.model.replicaset.TestPods.withCost;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Times;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * One test per rule of {@code ActivePodsWithRanks.Less} in k8s pkg/controller/controller_utils.go
 * (LogarithmicScaleDown and PodDeletionCost on). Each builds two pods that agree on every earlier
 * rule and checks that the rule under test decides, in both argument orders.
 */
class PodDeletionRankingTest {
  private final PodDeletionRanking ranking = new PodDeletionRanking(NOW);

  /** Asserts that {@code first} is deleted before {@code second} and that {@code rule} decided. */
  private void assertDeletedFirst(RankedPod first, RankedPod second, DeletionRule rule) {
    assertThat(ranking.decide(first, second)).isEqualTo(new RuleDecision(rule, -1));
    assertThat(ranking.decide(second, first)).isEqualTo(new RuleDecision(rule, 1));
  }

  private static RankedPod ranked(Pod.Builder b, int rank) {
    return new RankedPod(b.build(), rank);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 1: unassigned < assigned")
  void rule1UnassignedBeforeAssigned() {
    // The unassigned pod loses even though it is Running and Ready and the assigned one is Pending.
    RankedPod unassigned = ranked(plain("a", ""), 1);
    RankedPod assigned = ranked(plain("b", "node-1").phase(PodPhase.PENDING), 1);
    assertDeletedFirst(unassigned, assigned, DeletionRule.UNASSIGNED);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 1: only when exactly one pod is unassigned")
  void rule1NeedsExactlyOneUnassigned() {
    assertThat(ranking.decide(ranked(plain("a", "node-1"), 1), ranked(plain("b", "node-2"), 1)).rule())
        .isNotEqualTo(DeletionRule.UNASSIGNED);
    assertThat(ranking.decide(ranked(plain("a", ""), 1), ranked(plain("b", ""), 1)).rule())
        .isNotEqualTo(DeletionRule.UNASSIGNED);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 2: PodPending < PodUnknown < PodRunning")
  void rule2Phase() {
    RankedPod pending = ranked(plain("a", "n").phase(PodPhase.PENDING), 1);
    RankedPod unknown = ranked(plain("b", "n").phase(PodPhase.UNKNOWN), 1);
    RankedPod running = ranked(plain("c", "n"), 1);
    assertDeletedFirst(pending, unknown, DeletionRule.PHASE);
    assertDeletedFirst(unknown, running, DeletionRule.PHASE);
    assertDeletedFirst(pending, running, DeletionRule.PHASE);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 3: not ready < ready")
  void rule3NotReadyBeforeReady() {
    // The not-ready pod has a higher deletion cost: rule 3 comes before rule 4.
    RankedPod notReady = ranked(withCost(notReady(plain("a", "n")), "1000"), 1);
    RankedPod ready = ranked(plain("b", "n"), 1);
    assertDeletedFirst(notReady, ready, DeletionRule.NOT_READY);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 3: a missing or Unknown Ready condition is not ready")
  void rule3OnlyReadyTrueIsReady() {
    RankedPod absent = ranked(plain("a", "n").ready(ConditionStatus.ABSENT, Times.UNSET), 1);
    RankedPod unknown = ranked(plain("b", "n").ready(ConditionStatus.UNKNOWN, NOW), 1);
    RankedPod ready = ranked(plain("c", "n"), 1);
    assertDeletedFirst(absent, ready, DeletionRule.NOT_READY);
    assertDeletedFirst(unknown, ready, DeletionRule.NOT_READY);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 4: lower pod-deletion-cost < higher")
  void rule4LowerDeletionCostFirst() {
    // The cheaper pod has the lower rank: rule 4 comes before rule 5.
    RankedPod cheap = ranked(withCost(plain("a", "n"), "-5"), 1);
    RankedPod dear = ranked(withCost(plain("b", "n"), "10"), 9);
    assertDeletedFirst(cheap, dear, DeletionRule.DELETION_COST);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 4: an invalid pod-deletion-cost counts as 0")
  void rule4InvalidDeletionCostIsZero() {
    RankedPod invalid = ranked(withCost(plain("a", "n"), "+10"), 1);
    RankedPod one = ranked(withCost(plain("b", "n"), "1"), 1);
    RankedPod missing = ranked(plain("c", "n"), 1);
    assertDeletedFirst(invalid, one, DeletionRule.DELETION_COST);
    // Invalid and missing are both 0, so rule 4 does not decide between them.
    assertThat(ranking.decide(invalid, missing).rule()).isNotEqualTo(DeletionRule.DELETION_COST);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 5: doubled up (higher rank) < not doubled up")
  void rule5HigherRankFirst() {
    // The doubled-up pod was ready earlier (would be kept by rule 6): rule 5 comes first.
    RankedPod doubledUp = ranked(running("a", "aci", Duration.ofHours(8)), 17);
    RankedPod alone = ranked(running("b", "vm", Duration.ofMinutes(1)), 3);
    assertDeletedFirst(doubledUp, alone, DeletionRule.RANK);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6: zero ready time < any ready time")
  void rule6ZeroReadyTimeFirst() {
    RankedPod zero = ranked(plain("z", "n").ready(ConditionStatus.TRUE, Times.UNSET), 1);
    RankedPod longAgo = ranked(running("a", "n", Duration.ofDays(30)), 1);
    assertDeletedFirst(zero, longAgo, DeletionRule.READY_TIME);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6: ready 2h (bucket 42) < ready 5h (bucket 44)")
  void rule6SmallerLogBucketFirst() {
    // UIDs point the other way, so only the bucket can put the 2h pod first.
    RankedPod twoHours = ranked(running("b", "n", Duration.ofHours(2)).uid("zzz"), 1);
    RankedPod fiveHours = ranked(running("a", "n", Duration.ofHours(5)).uid("aaa"), 1);
    assertThat(LogarithmicAge.bucket(ago(Duration.ofHours(2)), NOW)).isEqualTo(42);
    assertThat(LogarithmicAge.bucket(ago(Duration.ofHours(5)), NOW)).isEqualTo(44);
    assertDeletedFirst(twoHours, fiveHours, DeletionRule.READY_TIME);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6: ready 5h and 8h share bucket 44, the smaller UID goes first")
  void rule6SameBucketSmallerUidFirst() {
    // The 5h pod was ready more recently, yet the 8h pod goes first because of its UID.
    RankedPod eightHours = ranked(running("a", "n", Duration.ofHours(8)).uid("1111"), 1);
    RankedPod fiveHours = ranked(running("b", "n", Duration.ofHours(5)).uid("9999"), 1);
    assertThat(LogarithmicAge.bucket(ago(Duration.ofHours(8)), NOW)).isEqualTo(44);
    assertDeletedFirst(eightHours, fiveHours, DeletionRule.READY_TIME);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6: equal ready times fall through to rule 7")
  void rule6EqualReadyTimesFallThrough() {
    // Same ready time, UIDs favour a: rule 6 must not compare UIDs, so restarts (rule 7) decide.
    RankedPod restarted = ranked(plain("b", "n").uid("9999").restartCount(3), 1);
    RankedPod fresh = ranked(plain("a", "n").uid("1111"), 1);
    assertDeletedFirst(restarted, fresh, DeletionRule.RESTARTS);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6: times differ, same bucket, same UID is a tie that stops there")
  void rule6SameBucketSameUidIsTie() {
    // Upstream returns UID_i < UID_j, false both ways, without reaching rule 7.
    RankedPod a = ranked(running("a", "n", Duration.ofHours(5)).uid("same").restartCount(9), 1);
    RankedPod b = ranked(running("b", "n", Duration.ofHours(8)).uid("same"), 1);
    assertThat(ranking.decide(a, b)).isEqualTo(new RuleDecision(DeletionRule.READY_TIME, 0));
    assertThat(ranking.decide(b, a)).isEqualTo(new RuleDecision(DeletionRule.READY_TIME, 0));
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6: applies only when both pods are ready")
  void rule6OnlyWhenBothReady() {
    // Both not ready: their transition times would put b first, but rule 6 is skipped and the
    // restarts (rule 7) put a first.
    RankedPod a = ranked(notReady(plain("a", "n")).ready(ConditionStatus.FALSE, ago(Duration.ofHours(9))).restartCount(1), 1);
    RankedPod b = ranked(notReady(plain("b", "n")), 1);
    assertDeletedFirst(a, b, DeletionRule.RESTARTS);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 6 with a zero Now: later ready time first")
  void rule6WithoutNowComparesRawTimes() {
    PodDeletionRanking noNow = new PodDeletionRanking(Times.UNSET);
    RankedPod fiveHours = ranked(running("a", "n", Duration.ofHours(5)).uid("9999"), 1);
    RankedPod eightHours = ranked(running("b", "n", Duration.ofHours(8)).uid("1111"), 1);
    assertThat(noNow.decide(fiveHours, eightHours)).isEqualTo(new RuleDecision(DeletionRule.READY_TIME, -1));
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 7: higher max container restarts < lower")
  void rule7MoreRestartsFirst() {
    // The restarted pod is older: rule 7 comes before rule 8.
    RankedPod restarted = ranked(plain("a", "n").restartCount(5).creationTime(ago(Duration.ofDays(9))), 1);
    RankedPod steady = ranked(plain("b", "n").restartCount(1), 1);
    assertDeletedFirst(restarted, steady, DeletionRule.RESTARTS);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 8: empty creation time < any creation time")
  void rule8ZeroCreationTimeFirst() {
    RankedPod zero = ranked(plain("a", "n").creationTime(Times.UNSET), 1);
    RankedPod created = ranked(plain("b", "n"), 1);
    assertDeletedFirst(zero, created, DeletionRule.CREATION_TIME);
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 8: smaller creation-age bucket first, equal bucket by UID")
  void rule8CreationBucketsThenUid() {
    RankedPod twoHours = ranked(plain("a", "n").uid("zzz").creationTime(ago(Duration.ofHours(2))), 1);
    RankedPod fiveHours = ranked(plain("b", "n").uid("aaa").creationTime(ago(Duration.ofHours(5))), 1);
    RankedPod eightHours = ranked(plain("c", "n").uid("bbb").creationTime(ago(Duration.ofHours(8))), 1);
    assertDeletedFirst(twoHours, fiveHours, DeletionRule.CREATION_TIME);
    assertDeletedFirst(fiveHours, eightHours, DeletionRule.CREATION_TIME); // bucket 44 both: "aaa" < "bbb"
  }

  @Test
  @DisplayName("controller_utils.go ActivePodsWithRanks.Less rule 9: otherwise the pods are equal")
  void rule9OtherwiseEqual() {
    // Identical in everything Less reads; the UIDs differ but are never consulted.
    RankedPod a = ranked(plain("a", "n").uid("1"), 1);
    RankedPod b = ranked(plain("b", "n").uid("2"), 1);
    assertThat(ranking.decide(a, b)).isEqualTo(new RuleDecision(DeletionRule.EQUAL, 0));
    assertThat(ranking.compare(b, a)).isZero();
  }
}
