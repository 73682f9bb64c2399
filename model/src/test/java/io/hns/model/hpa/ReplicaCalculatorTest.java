package io.hns.model.hpa;

import static io.hns.model.hpa.TestPods.MINUTE;
import static io.hns.model.hpa.TestPods.NOW;
import static io.hns.model.hpa.TestPods.SECOND;
import static io.hns.model.hpa.TestPods.WINDOW;
import static io.hns.model.hpa.TestPods.cpu;
import static io.hns.model.hpa.TestPods.pending;
import static io.hns.model.hpa.TestPods.ready;
import static io.hns.model.hpa.TestPods.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.hpa.ReplicaCalculation.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaCalculatorTest {
  private final ReplicaCalculator calculator = new ReplicaCalculator(HpaControllerConfig.DEFAULTS);
  private final Tolerances tolerances = new Tolerances(0.1, 0.1);

  private ReplicaCalculation cpuAt(int target, int current, List<Pod> pods, List<PodUsage> samples) {
    return calculator.calculate(ResourceMetric.cpuUtilization(target), current, pods, samples, tolerances, NOW);
  }

  /** GetResourceReplicas: all pods ready with samples: ceil(ratio x ready pods); 90 % of a 50 % target is 1.8. */
  @Test
  void scalesUpByRatioTimesReadyPods() {
    ReplicaCalculation c = cpuAt(50, 3,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000)),
        List.of(cpu("a", 900), cpu("b", 900), cpu("c", 900)));
    assertThat(c.utilization()).isEqualTo(90);
    assertThat(c.ratio()).isEqualTo(1.8);
    assertThat(c.calculatedReplicas()).isEqualTo(6);
    assertThat(c.readyPods()).isEqualTo(3);
  }

  /** utilization.go GetResourceUtilizationRatio: the percentage is truncated to an int before the ratio (199/200 m is 99 %). */
  @Test
  void utilizationIsTruncatedBeforeTheRatio() {
    ReplicaCalculation c = cpuAt(50, 1, List.of(ready("a", 200)), List.of(cpu("a", 199)));
    assertThat(c.utilization()).isEqualTo(99);
    assertThat(c.ratio()).isEqualTo(99 / 50.0);
  }

  /**
   * GetResourceReplicas, missing pods on a scale-down: a pod without a sample counts as using its
   * whole request (max(100, target) %), which damps the scale-down from ceil(0.2 x 3) = 1 to 3.
   */
  @Test
  void missingPodsCountAsFullRequestOnScaleDown() {
    ReplicaCalculation c = cpuAt(50, 4,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000), ready("d", 1000)),
        List.of(cpu("a", 100), cpu("b", 100), cpu("c", 100)));
    assertThat(c.missingPods()).isEqualTo(1);
    assertThat(c.ratio()).isEqualTo(0.2);
    // (300 + 1000) * 100 / 4000 = 32 % -> 0.64 -> ceil(0.64 x 4) = 3
    assertThat(c.rebalancedRatio()).isEqualTo(0.64);
    assertThat(c.calculatedReplicas()).isEqualTo(3);
    assertThat(c.outcome()).isEqualTo(Outcome.REBALANCED);
  }

  /** GetResourceReplicas: with a target above 100 % a missing pod is assumed to run at the target, not at 100 %. */
  @Test
  void missingPodsCountAtTargetWhenTargetExceedsHundredPercent() {
    ReplicaCalculation c = cpuAt(150, 4,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000), ready("d", 1000)),
        List.of(cpu("a", 300), cpu("b", 300), cpu("c", 300)));
    // ratio 30/150 = 0.2; refill d at 1500 m: (900 + 1500) * 100 / 4000 = 60 % -> 0.4 -> ceil(1.6) = 2
    assertThat(c.rebalancedRatio()).isEqualTo(0.4);
    assertThat(c.calculatedReplicas()).isEqualTo(2);
  }

  /** GetResourceReplicas, missing pods on a scale-up: they count as 0 %, so 200 % on 3 of 4 pods gives 150 % -> 6. */
  @Test
  void missingPodsCountAsZeroOnScaleUp() {
    ReplicaCalculation c = cpuAt(50, 4,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000), ready("d", 1000)),
        List.of(cpu("a", 1000), cpu("b", 1000), cpu("c", 1000)));
    assertThat(c.rebalancedRatio()).isEqualTo(1.5);
    assertThat(c.calculatedReplicas()).isEqualTo(6);
  }

  /**
   * GetResourceReplicas, scaleUpWithUnready: samples of pods still initializing are set aside and
   * those pods count as 0 %. Their startup burst (100 %) must not inflate the count: the ready pods'
   * 60 % (ratio 1.2) rebalances to 30 %, which reverses the direction, so the count stays.
   */
  @Test
  void unreadyPodsAreIgnoredOnScaleUp() {
    Pod starting1 = running("c", 1000).startTime(NOW - MINUTE).ready(ConditionStatus.FALSE, NOW - MINUTE).build();
    Pod starting2 = running("d", 1000).startTime(NOW - MINUTE).ready(ConditionStatus.FALSE, NOW - MINUTE).build();
    ReplicaCalculation c = cpuAt(50, 4,
        List.of(ready("a", 1000), ready("b", 1000), starting1, starting2),
        List.of(cpu("a", 600), cpu("b", 600), cpu("c", 1000), cpu("d", 1000)));
    assertThat(c.unreadyPods()).isEqualTo(2);
    assertThat(c.ratio()).isEqualTo(1.2);
    assertThat(c.rebalancedRatio()).isEqualTo(0.6);
    assertThat(c.calculatedReplicas()).isEqualTo(4);
    assertThat(c.outcome()).isEqualTo(Outcome.DIRECTION_REVERSED);
  }

  /** GetResourceReplicas: on a scale-down unready pods are not filled in; ceil(ratio x ready pods) of the ready ones. */
  @Test
  void unreadyPodsAreLeftOutOnScaleDown() {
    ReplicaCalculation c = cpuAt(50, 4,
        List.of(ready("a", 1000), ready("b", 1000), pending("c", 1000), pending("d", 1000)),
        List.of(cpu("a", 100), cpu("b", 100)));
    assertThat(c.unreadyPods()).isEqualTo(2);
    assertThat(c.calculatedReplicas()).isEqualTo(1);
    assertThat(c.outcome()).isEqualTo(Outcome.SCALED);
  }

  /** groupPods + removeMetricsForPods: deleting and failed pods are ignored and their samples dropped. */
  @Test
  void deletingAndFailedPodsAreIgnored() {
    Pod deleting = running("c", 1000).deletionTime(NOW - SECOND).build();
    Pod failed = running("d", 1000).phase(PodPhase.FAILED).build();
    ReplicaCalculation c = cpuAt(50, 2,
        List.of(ready("a", 1000), ready("b", 1000), deleting, failed),
        List.of(cpu("a", 500), cpu("b", 500), cpu("c", 5000), cpu("d", 5000)));
    assertThat(c.ignoredPods()).isEqualTo(2);
    assertThat(c.utilization()).isEqualTo(50);
    assertThat(c.calculatedReplicas()).isEqualTo(2);
  }

  /**
   * GetResourceReplicas, last check: the rebalanced ratio says scale down, but ceil(ratio x samples)
   * (5 samples, 2 replicas during a rollout) would scale up, so the count stays.
   */
  @Test
  void keepsCountWhenSampleCountWouldReverseTheDirection() {
    ReplicaCalculation c = cpuAt(100, 2,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000), ready("d", 1000), ready("e", 1000)),
        List.of(cpu("a", 400), cpu("b", 400), cpu("c", 400), cpu("d", 400)));
    // 0.4, then (1600 + 1000) / 5000 = 52 % -> ceil(0.52 x 5) = 3 > 2
    assertThat(c.outcome()).isEqualTo(Outcome.COUNT_REVERSED);
    assertThat(c.calculatedReplicas()).isEqualTo(2);
  }

  /** calculatePodRequestsFromContainers: a container without the request fails the metric, naming container and pod. */
  @Test
  void missingRequestFailsTheMetric() {
    PodSpec.Builder b = PodSpec.builder();
    b.containers = ImmutableList.of(new ContainerRequest("app", "nginx", 500, 1 << 20),
        new ContainerRequest("sidecar", "envoy", -1, 1 << 20));
    Pod noRequest = Pod.builder("default", "web-1", b.build()).phase(PodPhase.RUNNING)
        .startTime(NOW - 60 * MINUTE).ready(ConditionStatus.TRUE, NOW - 59 * MINUTE).build();
    assertThatThrownBy(() -> cpuAt(50, 1, List.of(noRequest), List.of(cpu("web-1", 100))))
        .isInstanceOf(MetricUnavailableException.class)
        .hasMessage("missing request for cpu in container sidecar of pod web-1");
  }

  /** GetResourceReplicas: every sample set aside -> "did not receive metrics for targeted pods". */
  @Test
  void failsWhenNoReadyPodHasASample() {
    assertThatThrownBy(() -> cpuAt(50, 1, List.of(pending("a", 1000)), List.of(cpu("a", 100))))
        .isInstanceOf(MetricUnavailableException.class)
        .hasMessageContaining("did not receive metrics for targeted pods");
  }

  /** GetRawResourceReplicas / calcPlainMetricReplicas: AverageValue compares the integer mean with the target: 300m/200m -> 6. */
  @Test
  void averageValueTarget() {
    ResourceMetric metric = new ResourceMetric(MetricResource.CPU, MetricTarget.averageMilliValue(200));
    ReplicaCalculation c = calculator.calculate(metric, 4,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000), ready("d", 1000)),
        List.of(cpu("a", 300), cpu("b", 300), cpu("c", 300), cpu("d", 300)), tolerances, NOW);
    assertThat(c.utilization()).isEqualTo(300);
    assertThat(c.ratio()).isEqualTo(1.5);
    assertThat(c.calculatedReplicas()).isEqualTo(6);
  }

  /** calcPlainMetricReplicas: on a scale-down a missing pod is assumed to use exactly the target; requests play no part. */
  @Test
  void averageValueFillsMissingPodsWithTheTarget() {
    ResourceMetric metric = new ResourceMetric(MetricResource.CPU, MetricTarget.averageMilliValue(200));
    Pod noRequests = Pod.builder("default", "d", TestPods.spec(-1, -1)).phase(PodPhase.RUNNING)
        .startTime(NOW - 60 * MINUTE).ready(ConditionStatus.TRUE, NOW - 59 * MINUTE).build();
    ReplicaCalculation c = calculator.calculate(metric, 4,
        List.of(ready("a", 1000), ready("b", 1000), ready("c", 1000), noRequests),
        List.of(cpu("a", 20), cpu("b", 20), cpu("c", 20)), tolerances, NOW);
    // mean 20 -> 0.1; with d at 200: 260 / 4 = 65 -> 0.325 -> ceil(1.3) = 2
    assertThat(c.rebalancedRatio()).isEqualTo(0.325);
    assertThat(c.calculatedReplicas()).isEqualTo(2);
  }

  /** GetResourceReplicas for memory: the same arithmetic on bytes, and no cpu readiness rules (groupPods checks cpu only). */
  @Test
  void memoryUtilizationIgnoresCpuReadinessRules() {
    Pod starting = running("a", 1000).startTime(NOW - MINUTE).ready(ConditionStatus.FALSE, NOW - MINUTE).build();
    PodUsage sample = PodUsage.of("default", "a", NOW, WINDOW, 100, 512L << 20); // request is 256 Mi
    ReplicaCalculation c = calculator.calculate(ResourceMetric.memoryUtilization(100), 1, List.of(starting),
        List.of(sample), tolerances, NOW);
    assertThat(c.readyPods()).isEqualTo(1);
    assertThat(c.utilization()).isEqualTo(200);
    assertThat(c.calculatedReplicas()).isEqualTo(2);
  }

  /** computeReplicasForMetric: a metric type the model cannot evaluate fails like a metric whose adapter is down. */
  @Test
  void unsupportedMetricFails() {
    assertThatThrownBy(() -> calculator.calculate(new UnsupportedMetric("Pods metric qps", "not modelled"), 1,
        List.of(ready("a", 1000)), List.of(cpu("a", 1)), tolerances, NOW))
        .isInstanceOf(MetricUnavailableException.class)
        .hasMessageContaining("Pods metric qps");
  }
}
