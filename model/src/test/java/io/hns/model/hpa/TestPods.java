package io.hns.model.hpa;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Times;

/** Pods and samples for HPA tests: running, long ready, one container "app" with the given requests. */
final class TestPods {
  static final long NOW = Times.parse("2024-05-01T12:00:00Z");
  static final long MINUTE = 60_000L;
  static final long SECOND = 1_000L;
  static final long WINDOW = 15 * SECOND;

  private TestPods() {}

  static PodSpec spec(long milliCpu, long memory) {
    PodSpec.Builder b = PodSpec.builder().requests(Math.max(milliCpu, 0), Math.max(memory, 0));
    b.containers = ImmutableList.of(new ContainerRequest("app", "nginx", milliCpu, memory));
    return b.build();
  }

  /** Started an hour ago, Ready since 59 minutes ago. */
  static Pod.Builder running(String name, long milliCpuRequest) {
    return Pod.builder("default", name, spec(milliCpuRequest, 256L << 20))
        .phase(PodPhase.RUNNING)
        .startTime(NOW - 60 * MINUTE)
        .ready(ConditionStatus.TRUE, NOW - 59 * MINUTE);
  }

  static Pod ready(String name, long milliCpuRequest) {
    return running(name, milliCpuRequest).build();
  }

  static Pod pending(String name, long milliCpuRequest) {
    return Pod.builder("default", name, spec(milliCpuRequest, 256L << 20)).phase(PodPhase.PENDING).build();
  }

  /** A cpu sample taken now over the usual 15 s window. */
  static PodUsage cpu(String name, long milliCpu) {
    return PodUsage.of("default", name, NOW, WINDOW, milliCpu, 100L << 20);
  }
}
