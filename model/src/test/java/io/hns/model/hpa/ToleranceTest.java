package io.hns.model.hpa;

import static io.hns.model.hpa.TestPods.NOW;
import static io.hns.model.hpa.TestPods.cpu;
import static io.hns.model.hpa.TestPods.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.hpa.ReplicaCalculation.Outcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** replica_calculator.go Tolerances.isWithin, as GetResourceReplicas applies it. */
class ToleranceTest {
  private final ReplicaCalculator calculator = new ReplicaCalculator(HpaControllerConfig.DEFAULTS);
  private final Tolerances tolerances = new Tolerances(0.1, 0.1);

  private ReplicaCalculation run(int pods, long usagePerPod, int targetPercent) {
    List<io.hns.model.cluster.Pod> list = new ArrayList<>();
    List<PodUsage> samples = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      list.add(ready("web-" + i, 1000));
      samples.add(cpu("web-" + i, usagePerPod));
    }
    return calculator.calculate(ResourceMetric.cpuUtilization(targetPercent), pods, list, samples, tolerances, NOW);
  }

  /** Tolerances.isWithin: {@code ratio <= 1+up} is inclusive, so 88 % against 80 % (ratio exactly 1.1) keeps the count. */
  @Test
  void ratioOfExactlyOnePointOneIsWithinTolerance() {
    ReplicaCalculation c = run(4, 880, 80);
    assertThat(c.utilization()).isEqualTo(88);
    assertThat(c.ratio()).isEqualTo(1.1);
    assertThat(c.calculatedReplicas()).isEqualTo(4);
    assertThat(c.outcome()).isEqualTo(Outcome.WITHIN_TOLERANCE);
  }

  /** GetResourceReplicas: just above 1.1 (89/80 = 1.1125) scales to ceil(1.1125 x 4) = 5. */
  @Test
  void ratioJustAboveOnePointOneScalesUp() {
    ReplicaCalculation c = run(4, 890, 80);
    assertThat(c.ratio()).isEqualTo(1.1125);
    assertThat(c.calculatedReplicas()).isEqualTo(5);
    assertThat(c.outcome()).isEqualTo(Outcome.SCALED);
  }

  /** Tolerances.isWithin: {@code 1-down <= ratio} is inclusive too: 72/80 = 0.9 keeps the count. */
  @Test
  void ratioOfExactlyZeroPointNineIsWithinTolerance() {
    assertThat(run(10, 720, 80).calculatedReplicas()).isEqualTo(10);
  }

  /** GetResourceReplicas: 71/80 = 0.8875 scales down to ceil(0.8875 x 10) = 9. */
  @Test
  void ratioJustBelowZeroPointNineScalesDown() {
    assertThat(run(10, 710, 80).calculatedReplicas()).isEqualTo(9);
  }

  /** horizontal.go tolerancesForHpa: a per-HPA tolerance replaces the flag for its direction only. */
  @Test
  void perHpaToleranceOverridesTheFlagPerDirection() {
    HpaSpec spec = HpaSpec.of("default", "web", new ScaleTargetRef("Deployment", "web"), 1, 10,
        java.util.List.of(ResourceMetric.cpuUtilization(80)),
        HpaBehavior.of(new HpaScalingRules(null, null, null, 0.05), null));
    Tolerances t = HpaControllerConfig.DEFAULTS.tolerancesFor(spec);
    assertThat(t).isEqualTo(new Tolerances(0.1, 0.05));
    assertThat(t.isWithin(1.06)).isFalse();
    assertThat(t.isWithin(0.91)).isTrue();
  }
}
