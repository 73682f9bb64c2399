package io.hns.model.hpa;

import static io.hns.model.hpa.TestPods.NOW;
import static io.hns.model.hpa.TestPods.WINDOW;
import static io.hns.model.hpa.TestPods.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** horizontal.go computeReplicasForMetrics. */
class MetricsEvaluatorTest {
  private final MetricsEvaluator evaluator = new MetricsEvaluator(HpaControllerConfig.DEFAULTS);
  private final List<Pod> pods = List.of(ready("a", 1000), ready("b", 1000)); // 256 Mi memory request each

  private static HpaSpec spec(HpaMetric... metrics) {
    return HpaSpec.of("default", "web", new ScaleTargetRef("Deployment", "web"), 1, 20, List.of(metrics), null);
  }

  /** cpu at 100 %, memory at 50 %: two samples per pod. */
  private static List<PodUsage> samples() {
    return List.of(PodUsage.of("default", "a", NOW, WINDOW, 1000, 128L << 20),
        PodUsage.of("default", "b", NOW, WINDOW, 1000, 128L << 20));
  }

  /** computeReplicasForMetrics: every metric proposes, the largest proposal wins. */
  @Test
  void largestProposalWins() {
    MetricsRecommendation r = evaluator.evaluate(spec(ResourceMetric.memoryUtilization(50), ResourceMetric.cpuUtilization(50)),
        2, pods, samples(), NOW);
    assertThat(r.usable()).isTrue();
    assertThat(r.replicas()).isEqualTo(4);
    assertThat(r.decisive().metric()).startsWith("cpu");
    assertThat(r.outcomes()).hasSize(2);
  }

  /** computeReplicasForMetrics: a failing metric does not block a scale-up proposed by the others, but is reported. */
  @Test
  void invalidMetricDoesNotBlockScaleUp() {
    MetricsRecommendation r = evaluator.evaluate(
        spec(new UnsupportedMetric("External metric queue", "not modelled"), ResourceMetric.cpuUtilization(50)), 2, pods,
        samples(), NOW);
    assertThat(r.usable()).isTrue();
    assertThat(r.replicas()).isEqualTo(4);
    assertThat(r.error()).startsWith("invalid metrics (1 invalid out of 2), first error is: ")
        .contains("External metric queue");
  }

  /** computeReplicasForMetrics: a failing metric blocks a scale-down, since it might be the one needing more pods. */
  @Test
  void invalidMetricBlocksScaleDown() {
    MetricsRecommendation r = evaluator.evaluate(
        spec(new UnsupportedMetric("External metric queue", "not modelled"), ResourceMetric.cpuUtilization(400)), 2, pods,
        samples(), NOW);
    assertThat(r.replicas()).isEqualTo(1);
    assertThat(r.usable()).isFalse();
  }

  /** computeReplicasForMetrics: when every metric fails there is nothing to act on. */
  @Test
  void allMetricsInvalid() {
    MetricsRecommendation r = evaluator.evaluate(spec(ResourceMetric.cpuUtilization(50)), 2, pods, List.of(), NOW);
    assertThat(r.usable()).isFalse();
    assertThat(r.decisive()).isNull();
    assertThat(r.error()).contains("no metrics returned from resource metrics API");
  }
}
