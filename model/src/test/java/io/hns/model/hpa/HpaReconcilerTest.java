package io.hns.model.hpa;

import static io.hns.model.hpa.TestPods.MINUTE;
import static io.hns.model.hpa.TestPods.NOW;
import static io.hns.model.hpa.TestPods.WINDOW;
import static io.hns.model.hpa.TestPods.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** horizontal.go reconcileAutoscaler. */
class HpaReconcilerTest {
  private final HpaReconciler reconciler = new HpaReconciler(HpaControllerConfig.DEFAULTS);

  private static HpaSpec spec(int min, int max, HpaBehavior behavior) {
    return HpaSpec.of("default", "web", new ScaleTargetRef("Deployment", "web"), min, max,
        List.of(ResourceMetric.cpuUtilization(50)), behavior);
  }

  private static List<Pod> pods(int n) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(ready("web-" + i, 1000));
    }
    return out;
  }

  private static List<PodUsage> samples(int n, long milliCpu, long at) {
    List<PodUsage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(PodUsage.of("default", "web-" + i, at, WINDOW, milliCpu, 1));
    }
    return out;
  }

  /** reconcileAutoscaler: a target scaled to zero by hand disables autoscaling while minReplicas is not 0. */
  @Test
  void zeroReplicasDisablesScaling() {
    HpaDecision d = reconciler.reconcile(spec(1, 10, null), 0, List.of(), List.of(), HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(d.rescale()).isFalse();
    assertThat(d.desiredReplicas()).isZero();
    assertThat(d.reason()).contains("scaling is disabled");
  }

  /** reconcileAutoscaler: a count above maxReplicas goes straight to max, below minReplicas to min, without metrics. */
  @Test
  void outOfRangeCountsGoToTheBound() {
    HpaDecision above = reconciler.reconcile(spec(2, 5, null), 8, pods(8), samples(8, 1000, NOW), HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(above.desiredReplicas()).isEqualTo(5);
    assertThat(above.metrics()).isNull();
    assertThat(above.reason()).isEqualTo("Current number of replicas above Spec.MaxReplicas");
    HpaDecision below = reconciler.reconcile(spec(2, 5, null), 1, pods(1), samples(1, 0, NOW), HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(below.desiredReplicas()).isEqualTo(2);
    assertThat(below.reason()).isEqualTo("Current number of replicas below Spec.MinReplicas");
  }

  /**
   * recordInitialRecommendation: the first sync of an HPA remembers the current count, so the
   * controller does not scale down within 5 minutes of (re)starting; later syncs do.
   */
  @Test
  void firstSyncHoldsOffScaleDownForOneWindow() {
    HpaSpec s = spec(1, 10, null);
    HpaDecision first = reconciler.reconcile(s, 4, pods(4), samples(4, 100, NOW), HpaHistory.NEW, NOW);
    assertThat(first.normalization().proposedReplicas()).isEqualTo(1);
    assertThat(first.desiredReplicas()).isEqualTo(4);
    assertThat(first.rescale()).isFalse();
    long later = NOW + 5 * MINUTE + 1;
    HpaDecision next = reconciler.reconcile(s, 4, pods(4), samples(4, 100, later), first.history(), later);
    assertThat(next.desiredReplicas()).isEqualTo(1);
    assertThat(next.reason()).isEqualTo("All metrics below target");
  }

  /** storeScaleEvent: with behavior each rescale is remembered and counts against the next sync's rate limit. */
  @Test
  void scaleEventsCarryToTheNextSync() {
    HpaBehavior b = HpaBehavior.of(HpaScalingRules.of(0, null, List.of(HpaScalingPolicy.pods(2, 60))), null);
    HpaSpec s = spec(1, 20, b);
    HpaDecision first = reconciler.reconcile(s, 4, pods(4), samples(4, 1000, NOW), HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(first.desiredReplicas()).isEqualTo(6);
    assertThat(first.reason()).isEqualTo("cpu resource utilization (percentage of request) above target");
    assertThat(first.history().scaleUpEvents()).hasSize(1);
    long t = NOW + 15_000;
    HpaDecision second = reconciler.reconcile(s, 6, pods(6), samples(6, 1000, t), first.history(), t);
    assertThat(second.desiredReplicas()).isEqualTo(6);
    assertThat(second.normalization().limit()).isEqualTo("ScaleUpLimit");
  }

  /** storeScaleEvent: the legacy path keeps no scale events. */
  @Test
  void legacyPathStoresNoScaleEvents() {
    HpaDecision d = reconciler.reconcile(spec(1, 20, null), 4, pods(4), samples(4, 1000, NOW), HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(d.desiredReplicas()).isEqualTo(8);
    assertThat(d.history().scaleUpEvents()).isEmpty();
  }

  /** reconcileAutoscaler: when no metric can be computed the controller keeps the count and reports the error. */
  @Test
  void unusableMetricsKeepTheCount() {
    HpaDecision d = reconciler.reconcile(spec(1, 20, null), 4, pods(4), List.of(), HpaHistory.NO_RECOMMENDATIONS, NOW);
    assertThat(d.rescale()).isFalse();
    assertThat(d.desiredReplicas()).isEqualTo(4);
    assertThat(d.reason()).startsWith("invalid metrics (1 invalid out of 1)");
  }
}
