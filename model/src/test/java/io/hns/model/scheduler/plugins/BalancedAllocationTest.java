package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.bound;
import static io.hns.model.scheduler.TestClusters.explicitRequests;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.noContainers;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.skips;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * plugins/noderesources/balanced_allocation.go (current: actual requests, std of the fractions,
 * best-effort skip) and its release-1.19 form (non-zero requests, 1 - |f_cpu - f_mem|).
 */
class BalancedAllocationTest {
  // balanced_allocation_test.go: cpuAndMemory = 1000m/2000 + 2000m/3000, cpuOnly = 1000m/0 + 2000m/0.
  private static final Pod CPU_AND_MEMORY = pod("p", explicitRequests(3000, 5000));
  private static final Pod CPU_ONLY = pod("p", explicitRequests(3000, 0));

  // balanced_allocation_test.go TestNodeResourcesBalancedAllocation: "nothing scheduled, nothing
  // requested, skip in PreScore" -- a best-effort pod is skipped and contributes 0.
  @Test
  void bestEffortPodIsSkipped() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 4000, 10000, 110), node("node2", 4000, 10000, 110)));
    Pod bestEffort = pod("p", noContainers());
    assertThat(skips(new BalancedAllocation(), bestEffort, s)).isTrue();
    assertThat(scores(new BalancedAllocation(), bestEffort, s)).containsExactly(entry("node1", 0L), entry("node2", 0L));
  }

  // TestNodeResourcesBalancedAllocation: "nothing scheduled, resources requested, differently sized
  // nodes": fractions .75/.5 -> std .125 -> 87; .5/.5 -> 100.
  @Test
  void upstreamExample() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 4000, 10000, 110), node("node2", 6000, 10000, 110)));
    assertThat(scores(new BalancedAllocation(), CPU_AND_MEMORY, s)).containsExactly(entry("node1", 87L), entry("node2", 100L));
  }

  // TestNodeResourcesBalancedAllocation: "resources requested, pods scheduled with resources" -> 82,
  // 95 and "... differently sized nodes" -> 82, 80: actual requests of the node's pods count.
  @Test
  void existingPodsCountWithTheirActualRequests() {
    ClusterSnapshot same = snapshot(List.of(node("node1", 10000, 20000, 110), node("node2", 10000, 20000, 110)),
        bound("a", "node1", explicitRequests(3000, 0)), bound("b", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(new BalancedAllocation(), CPU_AND_MEMORY, same)).containsExactly(entry("node1", 82L), entry("node2", 95L));
    ClusterSnapshot sized = snapshot(List.of(node("node1", 10000, 20000, 110), node("node2", 10000, 50000, 110)),
        bound("a", "node1", explicitRequests(3000, 0)), bound("b", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(new BalancedAllocation(), CPU_AND_MEMORY, sized)).containsExactly(entry("node1", 82L), entry("node2", 80L));
  }

  // TestNodeResourcesBalancedAllocation: "requested resources at node capacity": fractions 1/0 ->
  // std .5 -> 50; 1/.5 -> 75.
  @Test
  void fractionsAreCappedAtOne() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 6000, 10000, 110), node("node2", 6000, 10000, 110)),
        bound("a", "node1", explicitRequests(3000, 0)), bound("b", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(new BalancedAllocation(), CPU_ONLY, s)).containsExactly(entry("node1", 50L), entry("node2", 75L));
  }

  // release-1.19 balanced_allocation_test.go TestNodeResourcesBalancedAllocation "nothing scheduled,
  // resources requested, differently sized nodes": 1 - |.75 - .5| -> 75; 1 - 0 -> 100.
  @Test
  void legacyUpstreamExample() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 4000, 10000, 110), node("node2", 6000, 10000, 110)));
    assertThat(scores(new LegacyBalancedAllocation(), CPU_AND_MEMORY, s)).containsExactly(entry("node1", 75L), entry("node2", 100L));
  }

  // release-1.19 balanced_allocation.go balancedResourceScorer: "if requested >= capacity, the
  // corresponding host should never be preferred" -> 0; no PreScore skip, and request-less pods
  // use the non-zero defaults (100m / 200Mi).
  @Test
  void legacyScoresZeroAtCapacityAndNeverSkips() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 6000, 10000, 110), node("node2", 6000, 10000, 110)),
        bound("a", "node1", explicitRequests(3000, 0)), bound("b", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(new LegacyBalancedAllocation(), CPU_ONLY, s)).containsExactly(entry("node1", 0L), entry("node2", 0L));
    long mi = 1L << 20;
    ClusterSnapshot big = snapshot(List.of(node("n", 1000, 1000 * mi, 110)));
    Pod requestless = pod("q", PodSpec.builder().build());
    assertThat(skips(new LegacyBalancedAllocation(), requestless, big)).isFalse();
    // fractions 100/1000 = .1 and 200Mi/1000Mi = .2 -> (1 - .1) * 100 = 90
    assertThat(scores(new LegacyBalancedAllocation(), requestless, big)).containsExactly(entry("n", 90L));
  }
}
