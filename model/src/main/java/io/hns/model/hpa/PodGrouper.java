package io.hns.model.hpa;

import com.google.common.collect.ImmutableSet;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Times;
import java.util.List;
import java.util.Map;

/** replica_calculator.go groupPods. */
public final class PodGrouper {
  private PodGrouper() {}

  /**
   * @param samples the metrics API's samples by pod name
   * @param now the controller's clock (upstream reads {@code time.Now()})
   */
  public static PodGroups group(List<Pod> pods, Map<String, PodUsage> samples, MetricResource resource, long now,
      HpaControllerConfig config) {
    int ready = 0;
    ImmutableSet.Builder<String> unready = ImmutableSet.builder();
    ImmutableSet.Builder<String> missing = ImmutableSet.builder();
    ImmutableSet.Builder<String> ignored = ImmutableSet.builder();
    for (Pod pod : pods) {
      if (pod.isDeleting() || pod.phase() == PodPhase.FAILED) {
        ignored.add(pod.name());
        continue;
      }
      if (pod.phase() == PodPhase.PENDING) {
        unready.add(pod.name());
        continue;
      }
      PodUsage sample = samples.get(pod.name());
      if (sample == null || !sample.has(resource)) {
        missing.add(pod.name());
        continue;
      }
      if (resource == MetricResource.CPU && cpuSampleUnready(pod, sample, now, config)) {
        unready.add(pod.name());
        continue;
      }
      ready++;
    }
    return new PodGroups(ready, unready.build(), missing.build(), ignored.build());
  }

  /**
   * CPU of a starting pod is unrepresentative (JIT warm-up, caches), so its sample is set aside:
   * within the cpu-initialization period while it is unready or its sample still covers time before
   * it became ready; after that only if it is unready and never was ready (its last Ready transition
   * came within the initial-readiness delay of its start).
   */
  static boolean cpuSampleUnready(Pod pod, PodUsage sample, long now, HpaControllerConfig config) {
    if (pod.ready() == ConditionStatus.ABSENT || !Times.isSet(pod.startTime())) {
      return true;
    }
    boolean notReady = pod.ready() == ConditionStatus.FALSE;
    long transition = pod.readyTransitionTime();
    if (pod.startTime() + config.cpuInitializationPeriodMs() > now) {
      return notReady || sample.timestamp() < plus(transition, sample.windowMs());
    }
    return notReady && pod.startTime() + config.initialReadinessDelayMs() > transition;
  }

  /** An unset transition time is Go's zero time, before every real time; stay clear of overflow. */
  private static long plus(long time, long delta) {
    return Times.isSet(time) ? time + delta : time;
  }
}
