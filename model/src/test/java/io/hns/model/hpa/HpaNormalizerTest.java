package io.hns.model.hpa;

import static io.hns.model.hpa.TestPods.MINUTE;
import static io.hns.model.hpa.TestPods.NOW;
import static io.hns.model.hpa.TestPods.SECOND;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HpaNormalizerTest {
  private final HpaNormalizer normalizer = new HpaNormalizer(HpaControllerConfig.DEFAULTS);

  private static HpaSpec spec(int min, int max, HpaBehavior behavior) {
    return HpaSpec.of("default", "web", new ScaleTargetRef("Deployment", "web"), min, max,
        List.of(ResourceMetric.cpuUtilization(50)), behavior);
  }

  private static HpaHistory recommendations(HpaHistory.Recommendation... recs) {
    return new HpaHistory(true, ImmutableList.copyOf(recs), ImmutableList.of(), ImmutableList.of());
  }

  private static HpaHistory.Recommendation rec(long ago, int replicas) {
    return new HpaHistory.Recommendation(NOW - ago, replicas);
  }

  private static HpaBehavior upOnly(HpaScalingRules up) {
    return HpaBehavior.of(up, HpaScalingRules.of(0, null, null));
  }

  private static HpaBehavior downOnly(HpaScalingRules down) {
    return HpaBehavior.of(HpaScalingRules.of(0, null, null), down);
  }

  // --- legacy path (no behavior) ---

  /** horizontal.go calculateScaleUpLimit: without behavior a sync may grow to max(2 x current, 4). */
  @Test
  void legacyScaleUpLimitIsTwiceCurrentOrFour() {
    HpaSpec s = spec(1, 100, null);
    Normalization fromOne = normalizer.normalize(s, 1, 10, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(fromOne.desiredReplicas()).isEqualTo(4);
    assertThat(fromOne.limit()).isEqualTo("ScaleUpLimit");
    assertThat(fromOne.maxAllowed()).isEqualTo(4);
    assertThat(fromOne.minAllowed()).isEqualTo(1);
    assertThat(normalizer.normalize(s, 3, 10, HpaHistory.NO_RECOMMENDATIONS, NOW).desiredReplicas()).isEqualTo(6);
    assertThat(normalizer.normalize(s, 6, 10, HpaHistory.NO_RECOMMENDATIONS, NOW).desiredReplicas()).isEqualTo(10);
  }

  /** convertDesiredReplicasWithRules: maxReplicas below the scale-up limit caps with TooManyReplicas; min lifts with TooFewReplicas. */
  @Test
  void legacyClampsToMinAndMax() {
    HpaSpec s = spec(2, 5, null);
    Normalization high = normalizer.normalize(s, 4, 50, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(high.desiredReplicas()).isEqualTo(5);
    assertThat(high.limit()).isEqualTo("TooManyReplicas");
    Normalization low = normalizer.normalize(s, 4, 0, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(low.desiredReplicas()).isEqualTo(2);
    assertThat(low.limit()).isEqualTo("TooFewReplicas");
  }

  /**
   * horizontal.go stabilizeRecommendation: the highest recommendation of the last 5 minutes wins
   * (one made exactly 5 minutes ago still counts; older ones do not).
   */
  @Test
  void legacyFiveMinuteDownscaleStabilization() {
    HpaSpec s = spec(1, 100, null);
    Normalization n = normalizer.normalize(s, 10, 3,
        recommendations(rec(6 * MINUTE, 20), rec(4 * MINUTE, 8), rec(MINUTE, 5)), NOW);
    assertThat(n.stabilizedReplicas()).isEqualTo(8);
    assertThat(n.desiredReplicas()).isEqualTo(8);
    assertThat(n.stabilization()).isEqualTo("ScaleDownStabilized");
    assertThat(normalizer.normalize(s, 10, 3, recommendations(rec(5 * MINUTE, 9)), NOW).desiredReplicas()).isEqualTo(9);
    assertThat(normalizer.normalize(s, 10, 3, recommendations(rec(5 * MINUTE + 1, 9)), NOW).desiredReplicas()).isEqualTo(3);
  }

  /** stabilizeRecommendation: the new recommendation takes the slot of an outdated one instead of growing the list. */
  @Test
  void legacyRecordsRecommendationInOutdatedSlot() {
    Normalization n = normalizer.normalize(spec(1, 100, null), 10, 3,
        recommendations(rec(6 * MINUTE, 20), rec(MINUTE, 5)), NOW);
    assertThat(n.history().recommendations())
        .containsExactly(new HpaHistory.Recommendation(NOW, 3), new HpaHistory.Recommendation(NOW - MINUTE, 5));
  }

  // --- behavior path ---

  /** pkg/apis/autoscaling/v2/defaults.go: scale-up 0 s window, Max of 4 pods / 100 % per 15 s; scale-down 100 % per 15 s, window from the flag. */
  @Test
  void behaviorDefaults() {
    HpaBehavior b = HpaBehavior.defaults();
    assertThat(b.scaleUp().stabilizationWindowSeconds()).isZero();
    assertThat(b.scaleUp().selectPolicy()).isEqualTo(SelectPolicy.MAX);
    assertThat(b.scaleUp().policies()).containsExactly(HpaScalingPolicy.pods(4, 15), HpaScalingPolicy.percent(100, 15));
    assertThat(b.scaleDown().stabilizationWindowSeconds()).isNull();
    assertThat(b.scaleDown().policies()).containsExactly(HpaScalingPolicy.percent(100, 15));
    // copyHPAScalingRules: a set field wins, the rest come from the defaults
    HpaBehavior partial = HpaBehavior.of(HpaScalingRules.of(null, SelectPolicy.MIN, null), null);
    assertThat(partial.scaleUp().stabilizationWindowSeconds()).isZero();
    assertThat(partial.scaleUp().selectPolicy()).isEqualTo(SelectPolicy.MIN);
    assertThat(partial.scaleUp().policies()).hasSize(2);
  }

  /** calculateScaleUpLimitWithScalingRules with the defaults: from 10, Pods gives 14, Percent 20; Max picks 20. */
  @Test
  void scaleUpSelectMaxPicksTheLargestChange() {
    Normalization n = normalizer.normalize(spec(1, 100, HpaBehavior.defaults()), 10, 50, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(n.desiredReplicas()).isEqualTo(20);
    assertThat(n.limit()).isEqualTo("ScaleUpLimit");
  }

  /** calculateScaleUpLimitWithScalingRules: selectPolicy Min picks the smallest change, Pods 4 -> 14. */
  @Test
  void scaleUpSelectMinPicksTheSmallestChange() {
    HpaBehavior b = upOnly(HpaScalingRules.of(0, SelectPolicy.MIN, null));
    assertThat(normalizer.normalize(spec(1, 100, b), 10, 50, HpaHistory.NO_RECOMMENDATIONS, NOW).desiredReplicas())
        .isEqualTo(14);
  }

  /** calculateScaleUpLimitWithScalingRules: Percent rounds up, so 150 % of 3 allows ceil(3 x 2.5) = 8. */
  @Test
  void scaleUpPercentRoundsUp() {
    HpaBehavior b = upOnly(HpaScalingRules.of(0, null, List.of(HpaScalingPolicy.percent(150, 60))));
    assertThat(normalizer.normalize(spec(1, 100, b), 3, 50, HpaHistory.NO_RECOMMENDATIONS, NOW).desiredReplicas())
        .isEqualTo(8);
  }

  /** calculateScaleUpLimitWithScalingRules: selectPolicy Disabled keeps the count. */
  @Test
  void scaleUpDisabled() {
    HpaBehavior b = upOnly(HpaScalingRules.of(0, SelectPolicy.DISABLED, null));
    Normalization n = normalizer.normalize(spec(1, 100, b), 10, 50, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(n.desiredReplicas()).isEqualTo(10);
  }

  /**
   * getReplicasChangePerPeriod: pods added within a policy's period count against it
   * (periodStart = current - added + removed); an event older than the period no longer does.
   */
  @Test
  void scaleUpEventsWithinThePeriodUseUpTheBudget() {
    HpaBehavior b = upOnly(HpaScalingRules.of(0, null, List.of(HpaScalingPolicy.pods(4, 60))));
    HpaHistory recent = HpaHistory.NO_RECOMMENDATIONS.withScaleEvent(b, 6, 10, NOW - 30 * SECOND);
    assertThat(normalizer.normalize(spec(1, 100, b), 10, 50, recent, NOW).desiredReplicas()).isEqualTo(10);
    HpaHistory older = HpaHistory.NO_RECOMMENDATIONS.withScaleEvent(b, 6, 10, NOW - 60 * SECOND);
    assertThat(normalizer.normalize(spec(1, 100, b), 10, 50, older, NOW).desiredReplicas()).isEqualTo(14);
  }

  /** getReplicasChangePerPeriod: pods removed within the period raise the period's starting count. */
  @Test
  void scaleDownEventsRaiseThePeriodStartForScaleUp() {
    HpaBehavior b = HpaBehavior.of(HpaScalingRules.of(0, null, List.of(HpaScalingPolicy.pods(4, 60))),
        HpaScalingRules.of(0, null, null));
    HpaHistory h = HpaHistory.NO_RECOMMENDATIONS.withScaleEvent(b, 12, 10, NOW - 30 * SECOND);
    assertThat(normalizer.normalize(spec(1, 100, b), 10, 50, h, NOW).desiredReplicas()).isEqualTo(16);
  }

  /**
   * calculateScaleDownLimitWithBehaviors: from 10, Pods 2 allows 8 and Percent 50 allows 5; Max
   * (the largest change) picks 5, Min picks 8.
   */
  @Test
  void scaleDownPodsVersusPercent() {
    List<HpaScalingPolicy> policies = List.of(HpaScalingPolicy.pods(2, 60), HpaScalingPolicy.percent(50, 60));
    HpaBehavior max = downOnly(HpaScalingRules.of(0, SelectPolicy.MAX, policies));
    HpaBehavior min = downOnly(HpaScalingRules.of(0, SelectPolicy.MIN, policies));
    Normalization nMax = normalizer.normalize(spec(1, 100, max), 10, 1, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(nMax.desiredReplicas()).isEqualTo(5);
    assertThat(nMax.limit()).isEqualTo("ScaleDownLimit");
    assertThat(nMax.minAllowed()).isEqualTo(5);
    assertThat(normalizer.normalize(spec(1, 100, min), 10, 1, HpaHistory.NO_RECOMMENDATIONS, NOW).desiredReplicas())
        .isEqualTo(8);
  }

  /** calculateScaleDownLimitWithBehaviors: Percent truncates, so 50 % of 5 allows int(2.5) = 2. */
  @Test
  void scaleDownPercentTruncates() {
    HpaBehavior b = downOnly(HpaScalingRules.of(0, null, List.of(HpaScalingPolicy.percent(50, 60))));
    assertThat(normalizer.normalize(spec(1, 100, b), 5, 1, HpaHistory.NO_RECOMMENDATIONS, NOW).desiredReplicas())
        .isEqualTo(2);
  }

  /** getReplicasChangePerPeriod: pods removed within the period count against the scale-down budget. */
  @Test
  void scaleDownEventsWithinThePeriodUseUpTheBudget() {
    HpaBehavior b = downOnly(HpaScalingRules.of(0, null, List.of(HpaScalingPolicy.pods(2, 60))));
    HpaHistory h = HpaHistory.NO_RECOMMENDATIONS.withScaleEvent(b, 12, 10, NOW - 10 * SECOND);
    assertThat(normalizer.normalize(spec(1, 100, b), 10, 1, h, NOW).desiredReplicas()).isEqualTo(10);
  }

  /** convertDesiredReplicasWithBehaviorRate: minReplicas above the rate limit wins with TooFewReplicas. */
  @Test
  void scaleDownStopsAtMinReplicas() {
    Normalization n = normalizer.normalize(spec(7, 100, HpaBehavior.defaults()), 10, 1, HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(n.desiredReplicas()).isEqualTo(7);
    assertThat(n.limit()).isEqualTo("TooFewReplicas");
  }

  /**
   * stabilizeRecommendationWithBehaviors: a scale-up goes no higher than the lowest recommendation
   * in the scale-up window (samples strictly inside it).
   */
  @Test
  void scaleUpStabilizationWindowTakesTheLowestRecommendation() {
    HpaBehavior b = upOnly(HpaScalingRules.of(60, null, null));
    Normalization n = normalizer.normalize(spec(1, 100, b), 4, 10,
        recommendations(rec(30 * SECOND, 5), rec(90 * SECOND, 2)), NOW);
    assertThat(n.stabilizedReplicas()).isEqualTo(5);
    assertThat(n.stabilization()).isEqualTo("ScaleUpStabilized");
    assertThat(normalizer.normalize(spec(1, 100, b), 4, 10, recommendations(rec(60 * SECOND, 5)), NOW)
        .stabilizedReplicas()).isEqualTo(10);
  }

  /** maybeInitScaleDownStabilizationWindow: behavior without a scale-down window uses the 5 minute flag. */
  @Test
  void scaleDownWindowDefaultsToTheFlag() {
    HpaSpec s = spec(1, 100, HpaBehavior.defaults());
    Normalization n = normalizer.normalize(s, 10, 2, recommendations(rec(4 * MINUTE, 9), rec(6 * MINUTE, 10)), NOW);
    assertThat(n.stabilizedReplicas()).isEqualTo(9);
    assertThat(n.stabilization()).isEqualTo("ScaleDownStabilized");
  }

  /** stabilizeRecommendationWithBehaviors: recommendations that straddle the current count leave it unchanged. */
  @Test
  void stabilizationHoldsTheCurrentCountBetweenWindows() {
    HpaBehavior b = HpaBehavior.of(HpaScalingRules.of(120, null, null), HpaScalingRules.of(120, null, null));
    Normalization n = normalizer.normalize(spec(1, 100, b), 5, 8, recommendations(rec(30 * SECOND, 3)), NOW);
    assertThat(n.stabilizedReplicas()).isEqualTo(5);
  }
}
