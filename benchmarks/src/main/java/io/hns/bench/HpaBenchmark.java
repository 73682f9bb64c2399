package io.hns.bench;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.hpa.HpaControllerConfig;
import io.hns.model.hpa.HpaDecision;
import io.hns.model.hpa.HpaHistory;
import io.hns.model.hpa.HpaReconciler;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.model.hpa.ResourceMetric;
import io.hns.model.hpa.ScaleTargetRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One HPA reconcile over a target with many pods (clusters of 100 and 1000 nodes, 10 pods each):
 * samples as a list (the explain command's path) and aligned with the pods (the simulator's).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HpaBenchmark {
  @Param({"100", "1000"})
  int nodes;

  HpaReconciler reconciler;
  HpaSpec spec;
  List<Pod> pods;
  List<PodUsage> usage;
  PodUsage[] usageByPod;

  @Setup
  public void setUp() {
    List<Node> ns = Clusters.nodes(nodes);
    pods = Clusters.pods(ns, 10, 1);
    usage = new ArrayList<>();
    for (Pod p : pods) {
      usage.add(PodUsage.of(p.namespace(), p.name(), 60_000, 15_000, 230, 100L << 20));
    }
    usageByPod = usage.toArray(new PodUsage[0]);
    spec = HpaSpec.of("apps", "web0", new ScaleTargetRef("Deployment", "web0"), 1, 100_000,
        List.of(ResourceMetric.DEFAULT_CPU), null);
    reconciler = new HpaReconciler(HpaControllerConfig.DEFAULTS);
  }

  @Benchmark
  public HpaDecision reconcile() {
    return reconciler.reconcile(spec, pods.size(), pods, usage, HpaHistory.NEW, 600_000);
  }

  /** The simulator's path: one sample slot per pod (no maps by pod name in the common case). */
  @Benchmark
  public HpaDecision reconcileAligned() {
    return reconciler.reconcileAligned(spec, pods.size(), pods, usageByPod, HpaHistory.NEW, 600_000);
  }
}
