package io.hns.bench;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.Placement;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import java.util.List;
import java.util.SplittableRandom;
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

/** Placement decisions per second (one scheduling cycle, no binding) on mixed VM + virtual clusters. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SchedulerBenchmark {
  @Param({"10", "100", "1000"})
  int nodes;

  @Param({"kubernetes-1.34", "kubernetes-1.19"})
  String profile;

  ClusterSnapshot snapshot;
  Scheduler scheduler;
  SplittableRandom random;
  Pod pod;

  @Setup
  public void setUp() {
    List<Node> ns = Clusters.nodes(nodes - 1);
    snapshot = ClusterSnapshot.of(ns, Clusters.pods(ns, 10, 20));
    scheduler = new Scheduler(SchedulerProfile.named(profile));
    random = new SplittableRandom(1);
    pod = Clusters.pod("incoming", 3, Clusters.webSpec());
  }

  @Benchmark
  public Placement place() {
    return scheduler.schedule(pod, snapshot, random, false);
  }
}
