package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.MI;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.pending;
import static io.hns.model.autoscaler.Fixtures.spec;
import static io.hns.model.autoscaler.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** estimator/binpacking_estimator.go and decreasing_pod_orderer.go. */
class BinpackingEstimatorTest {
  private final BinpackingEstimator estimator = new BinpackingEstimator(new Scheduler(SchedulerProfile.current()));

  private static List<Pod> pods(String prefix, int n, PodSpec spec, OwnerRef owner) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(pending(prefix + i, spec, owner));
    }
    return out;
  }

  private static NodeTemplate template(long milliCpu, long memory) {
    return new NodeTemplate("pool", vm("pool-template", milliCpu, memory), List.of());
  }

  @Test
  void sevenPodsOf600mOn1900mNodesNeedThree() {
    List<PodEquivalenceGroup> groups = PodEquivalenceGroup.build(pods("p", 7, spec(600, 100 * MI), WEB));
    BinpackingEstimator.Estimate e = estimator.estimate(groups, template(1900, 8 * GI), 100, new ClusterSnapshot());
    assertThat(e.nodeCount()).isEqualTo(3);
    assertThat(e.pods()).hasSize(7);
  }

  /**
   * Largest first: 3 × 1200m then 3 × 600m fill three 1900m nodes (1200 + 600 each). Smallest
   * first would need four (600 × 3, then one 1200 per node).
   */
  @Test
  void largestPodsArePackedFirst() {
    List<Pod> all = new ArrayList<>(pods("small", 3, spec(600, 100 * MI), new OwnerRef("ReplicaSet", "s", "uid-s")));
    all.addAll(pods("large", 3, spec(1200, 100 * MI), new OwnerRef("ReplicaSet", "l", "uid-l")));
    BinpackingEstimator.Estimate e = estimator.estimate(PodEquivalenceGroup.build(all), template(1900, 8 * GI), 100,
        new ClusterSnapshot());
    assertThat(e.nodeCount()).isEqualTo(3);
    assertThat(e.pods()).hasSize(6);
  }

  @Test
  void memoryIsADimensionToo() {
    List<PodEquivalenceGroup> groups = PodEquivalenceGroup.build(pods("m", 5, spec(100, GI), WEB));
    BinpackingEstimator.Estimate e = estimator.estimate(groups, template(4000, 2 * GI + 512 * MI), 100,
        new ClusterSnapshot());
    assertThat(e.nodeCount()).isEqualTo(3);
  }

  /** The estimation limiter: no more nodes than allowed; the pods those nodes hold. */
  @Test
  void theNodeLimitStopsTheEstimate() {
    List<PodEquivalenceGroup> groups = PodEquivalenceGroup.build(pods("p", 7, spec(600, 100 * MI), WEB));
    BinpackingEstimator.Estimate e = estimator.estimate(groups, template(1900, 8 * GI), 2, new ClusterSnapshot());
    assertThat(e.nodeCount()).isEqualTo(2);
    assertThat(e.pods()).hasSize(6);
  }

  /** A pod that does not fit an empty new node ends its group without adding more nodes. */
  @Test
  void aPodTooBigForTheTemplateAddsNothing() {
    List<PodEquivalenceGroup> groups = PodEquivalenceGroup.build(pods("p", 3, spec(3000, 100 * MI), WEB));
    ClusterSnapshot snapshot = new ClusterSnapshot();
    snapshot.addNode(vm("existing", 4000, 8 * GI));
    BinpackingEstimator.Estimate e = estimator.estimate(groups, template(1900, 8 * GI), 100, snapshot);
    assertThat(e.nodeCount()).isZero();
    assertThat(snapshot.size()).isEqualTo(1);
  }

  /** decreasing_pod_orderer.go score: cpu/allocatable cpu + memory/allocatable memory. */
  @Test
  void scoreIsTheSumOfCpuAndMemoryFractions() {
    Pod p = pending("p", spec(500, 2 * GI), WEB);
    assertThat(BinpackingEstimator.score(p, vm("t", 2000, 8 * GI).allocatable())).isEqualTo(0.5);
  }
}
