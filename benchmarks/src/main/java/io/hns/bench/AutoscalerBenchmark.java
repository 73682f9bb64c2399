package io.hns.bench;

import io.hns.model.autoscaler.AutoscalerConfig;
import io.hns.model.autoscaler.ClusterAutoscaler;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.policy.PlacementPolicies;
import io.hns.model.scheduler.SchedulerProfile;
import java.util.ArrayList;
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

/**
 * One cluster-autoscaler RunOnce on 100 and 1000 VM nodes (10 pods each, 4 workloads) with 200
 * unschedulable pods (VMSS-only: they fit nowhere) and every node a scale-down candidate check:
 * cold (a fresh autoscaler) and steady (the same autoscaler loop after loop, as in a run).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AutoscalerBenchmark {
  @Param({"100", "1000"})
  int nodes;

  StaticCluster cluster;
  AutoscalerConfig config;
  SplittableRandom random;
  ClusterAutoscaler steady;

  @Setup
  public void setUp() {
    List<Node> ns = Clusters.nodes(nodes);
    List<Pod> pods = new ArrayList<>(Clusters.pods(ns, 10, 4));
    PodSpec big = PlacementPolicies.VMSS_ONLY.apply(PodSpec.builder().requests(3000, 4L << 30).build());
    for (int i = 0; i < 200; i++) {
      pods.add(Clusters.pod("pending-" + i, 9, big).toBuilder().unschedulable(true).build());
    }
    List<Node> vms = ns.stream().filter(n -> n.kind() == NodeKind.VM).toList();
    cluster = new StaticCluster(ns, pods, List.of(new StaticCluster.StaticGroup(vms, nodes + 500)));
    config = AutoscalerConfig.aksDefaults();
    random = new SplittableRandom(1);
    steady = new ClusterAutoscaler(config, SchedulerProfile.current());
  }

  @Benchmark
  public long runOnce() {
    // A fresh autoscaler each time: the measured loop is the cold first scan of a cluster.
    ClusterAutoscaler ca = new ClusterAutoscaler(config, SchedulerProfile.current());
    ca.runOnce(cluster, cluster, random);
    return cluster.actions;
  }

  /** A loop of an autoscaler that has run before: its snapshot is kept and only brought up to date. */
  @Benchmark
  public long runOnceSteady() {
    steady.runOnce(cluster, cluster, random);
    return cluster.actions;
  }
}
