package io.hns.model.hpa;

import static io.hns.model.hpa.TestPods.MINUTE;
import static io.hns.model.hpa.TestPods.NOW;
import static io.hns.model.hpa.TestPods.SECOND;
import static io.hns.model.hpa.TestPods.WINDOW;
import static io.hns.model.hpa.TestPods.cpu;
import static io.hns.model.hpa.TestPods.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Times;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** replica_calculator.go groupPods, with the default 5 min cpu-initialization period and 30 s readiness delay. */
class PodGrouperTest {
  private static PodGroups group(Pod pod, PodUsage sample, MetricResource resource) {
    return PodGrouper.group(List.of(pod), sample == null ? Map.of() : Map.of(pod.name(), sample), resource, NOW,
        HpaControllerConfig.DEFAULTS);
  }

  private static boolean cpuUnready(Pod pod, PodUsage sample) {
    return group(pod, sample, MetricResource.CPU).unready().contains(pod.name());
  }

  /** groupPods: pending pods are unready, whatever their sample. */
  @Test
  void pendingPodIsUnready() {
    Pod p = running("a", 100).phase(PodPhase.PENDING).build();
    assertThat(cpuUnready(p, cpu("a", 10))).isTrue();
  }

  /** groupPods: a running pod without a sample is missing. */
  @Test
  void podWithoutSampleIsMissing() {
    assertThat(group(running("a", 100).build(), null, MetricResource.CPU).missing()).containsExactly("a");
  }

  /** groupPods: a sample lacking cpu (some container reported none) makes the pod missing for cpu. */
  @Test
  void sampleWithoutCpuIsMissing() {
    PodUsage noCpu = PodUsage.of("default", "a", NOW, WINDOW, -1, 1000);
    assertThat(group(running("a", 100).build(), noCpu, MetricResource.CPU).missing()).containsExactly("a");
  }

  /** groupPods, cpu: no Ready condition or no start time -> unready. */
  @Test
  void noReadyConditionOrStartTimeIsUnready() {
    assertThat(cpuUnready(running("a", 100).ready(ConditionStatus.ABSENT, Times.UNSET).build(), cpu("a", 1))).isTrue();
    assertThat(cpuUnready(running("a", 100).startTime(Times.UNSET).build(), cpu("a", 1))).isTrue();
  }

  /** groupPods, within the cpu-initialization period: Ready=False -> unready. */
  @Test
  void initializingUnreadyPodIsUnready() {
    Pod p = running("a", 100).startTime(NOW - 2 * MINUTE).ready(ConditionStatus.FALSE, NOW - 2 * MINUTE).build();
    assertThat(cpuUnready(p, cpu("a", 1))).isTrue();
  }

  /**
   * groupPods, within the cpu-initialization period: a ready pod whose sample window still reaches
   * back before its Ready transition (sample time < transition + window) is unready.
   */
  @Test
  void sampleOverlappingTheReadyTransitionIsUnready() {
    Pod p = running("a", 100).startTime(NOW - 2 * MINUTE).ready(ConditionStatus.TRUE, NOW - 10 * SECOND).build();
    assertThat(cpuUnready(p, cpu("a", 1))).isTrue();
  }

  /** groupPods, within the cpu-initialization period: a full window after the Ready transition the sample counts. */
  @Test
  void sampleAfterAFullWindowOfReadinessCounts() {
    Pod p = running("a", 100).startTime(NOW - 2 * MINUTE).ready(ConditionStatus.TRUE, NOW - WINDOW).build();
    assertThat(cpuUnready(p, cpu("a", 1))).isFalse();
  }

  /**
   * groupPods, after the cpu-initialization period: Ready=False counts as unready only if the pod
   * never became ready (last transition within 30 s of its start).
   */
  @Test
  void afterInitializationOnlyNeverReadyPodsAreUnready() {
    long start = NOW - 10 * MINUTE;
    Pod neverReady = running("a", 100).startTime(start).ready(ConditionStatus.FALSE, start + 10 * SECOND).build();
    Pod wasReady = running("b", 100).startTime(start).ready(ConditionStatus.FALSE, start + 5 * MINUTE).build();
    assertThat(cpuUnready(neverReady, cpu("a", 1))).isTrue();
    assertThat(cpuUnready(wasReady, cpu("b", 1))).isFalse();
  }

  /** groupPods: the readiness rules apply to cpu only; memory samples of starting pods count. */
  @Test
  void memoryIgnoresReadiness() {
    Pod p = running("a", 100).startTime(NOW - 2 * MINUTE).ready(ConditionStatus.FALSE, NOW - 2 * MINUTE).build();
    assertThat(group(p, cpu("a", 1), MetricResource.MEMORY).readyCount()).isEqualTo(1);
  }

  /** groupPods: a pod being deleted is ignored even if it is ready and sampled. */
  @Test
  void deletingPodIsIgnored() {
    Pod p = running("a", 100).deletionTime(NOW).build();
    assertThat(group(p, cpu("a", 1), MetricResource.CPU).ignored()).containsExactly("a");
  }
}
