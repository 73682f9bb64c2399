package io.hns.model.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: {@link HpaReconciler#reconcileAligned} (samples given per pod, the simulator's
 * fast path) decides exactly as {@link HpaReconciler#reconcile} with the same samples as a list, on
 * random targets: pods pending, starting, ready, unready, terminating or failed, with or without a
 * sample, CPU and memory metrics, utilization and average-value targets, requests missing or
 * stated directly, and the exceptions the metrics raise.
 */
class AlignedSamplesDifferentialTest {
  static Stream<Long> seeds() {
    return LongStream.range(0, 400).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void alignedSamplesDecideAsTheList(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long now = TestPods.NOW;
    int n = r.nextInt(8) == 0 ? 0 : 1 + r.nextInt(r.nextBoolean() ? 6 : 80);
    List<Pod> pods = new ArrayList<>();
    PodUsage[] sampleOf = new PodUsage[n];
    List<PodUsage> samples = new ArrayList<>();
    long load = 50 + r.nextInt(1500);
    // Half the targets are healthy (the common case the fast path takes), with an odd pod or two.
    int oddness = r.nextBoolean() ? 60 : 2;
    for (int i = 0; i < n; i++) {
      boolean odd = r.nextInt(oddness) < 2;
      pods.add(odd ? pod(r, "p" + i, now) : healthy(r, "p" + i, now));
      if (!odd || r.nextInt(6) != 0) {
        long cpu = r.nextInt(40) == 0 ? -1 : Math.max(0, load + r.nextInt(200) - 100);
        long memory = r.nextInt(40) == 0 ? -1 : (200L << 20) + r.nextInt(1 << 20);
        long ts = now - r.nextInt(60_000);
        sampleOf[i] = new PodUsage("apps", "p" + i, null, ts, 15_000, cpu, memory);
        samples.add(sampleOf[i]);
      }
    }
    List<HpaMetric> metrics = new ArrayList<>();
    int m = r.nextInt(10);
    if (m < 5) metrics.add(ResourceMetric.cpuUtilization(20 + r.nextInt(80)));
    else if (m < 7) metrics.add(ResourceMetric.memoryUtilization(50 + r.nextInt(50)));
    else if (m < 8) metrics.add(new ResourceMetric(MetricResource.CPU, MetricTarget.averageMilliValue(100 + r.nextInt(900))));
    else if (m < 9) {
      metrics.add(ResourceMetric.cpuUtilization(60));
      metrics.add(ResourceMetric.memoryUtilization(80));
    } else {
      metrics.add(new UnsupportedMetric("Pods", "not modelled"));
      metrics.add(ResourceMetric.cpuUtilization(70));
    }
    int min = 1 + r.nextInt(3);
    HpaSpec spec = HpaSpec.of("apps", "web", new ScaleTargetRef("Deployment", "web"), min, min + r.nextInt(100),
        metrics, null);
    int current = r.nextInt(12) == 0 ? 0 : Math.max(1, n + r.nextInt(5) - 2);
    HpaReconciler reconciler = new HpaReconciler(HpaControllerConfig.DEFAULTS);
    for (int sync = 0; sync < 3; sync++) {
      long t = now + sync * 15_000L;
      Object expected = decide(() -> reconciler.reconcile(spec, current, pods, samples, HpaHistory.NEW, t));
      Object actual = decide(() -> reconciler.reconcileAligned(spec, current, pods, sampleOf, HpaHistory.NEW, t));
      assertThat(actual).as("seed %d sync %d", seed, sync).isEqualTo(expected);
    }
  }

  /** The decision, or the exception's class and message. */
  private static Object decide(java.util.function.Supplier<HpaDecision> d) {
    try {
      return d.get();
    } catch (RuntimeException e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }

  private static Pod healthy(SplittableRandom r, String name, long now) {
    PodSpec.Builder spec = PodSpec.builder().requests(500, 512L << 20);
    if (r.nextBoolean()) {
      spec.containers = ImmutableList.of(new ContainerRequest("app", "nginx", 500, 512L << 20));
    }
    long start = now - 3_600_000;
    return Pod.builder("apps", name, spec.build()).uid("uid-" + name).creationTime(start - 10_000)
        .phase(PodPhase.RUNNING).startTime(start).ready(ConditionStatus.TRUE, start + 5_000).build();
  }

  private static Pod pod(SplittableRandom r, String name, long now) {
    PodSpec.Builder spec = PodSpec.builder();
    int kind = r.nextInt(12);
    if (kind == 0) {
      spec.requests(0, 0);
    } else if (kind == 1) {
      spec.requests(250 + r.nextInt(4) * 250, 256L << 20);
    } else {
      long cpu = kind == 2 ? -1 : 250 + r.nextInt(4) * 250;
      long mem = kind == 3 ? -1 : 256L << 20;
      spec.requests(Math.max(0, cpu), Math.max(0, mem));
      spec.containers = ImmutableList.of(new ContainerRequest("app", "nginx", cpu, mem));
    }
    Pod.Builder b = Pod.builder("apps", name, spec.build()).uid("uid-" + name).creationTime(now - 600_000);
    int phase = r.nextInt(14);
    if (phase == 0) {
      return b.phase(PodPhase.PENDING).build();
    }
    if (phase == 1) {
      b.phase(PodPhase.FAILED);
    } else {
      b.phase(PodPhase.RUNNING);
    }
    long start = phase == 2 ? Times.UNSET : now - r.nextInt(phase < 6 ? 400_000 : 4_000_000);
    b.startTime(start);
    int ready = r.nextInt(10);
    if (ready == 0) {
      b.ready(ConditionStatus.ABSENT, Times.UNSET);
    } else if (ready == 1) {
      b.ready(ConditionStatus.FALSE, now - r.nextInt(100_000));
    } else {
      b.ready(ConditionStatus.TRUE, Times.isSet(start) ? start + r.nextInt(60_000) : now - 5_000);
    }
    if (r.nextInt(15) == 0) {
      b.deletionTime(now - 1000);
    }
    return b.build();
  }
}
