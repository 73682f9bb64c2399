package io.hns.model.scheduler;

import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.requests;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static io.hns.model.scheduler.TestClusters.withTaints;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** pkg/scheduler/schedule_one.go: filtering, FitError, selectHost and numFeasibleNodesToFind. */
class SchedulerTest {
  private static final Taint VK = new Taint("virtual-kubelet.io/provider", "azure", TaintEffect.NO_SCHEDULE);

  // framework/types_test.go TestFitError_Error "nodes failed two Filter plugins": "0/3 nodes are
  // available: " + sorted "count reason" strings joined by ", " + "." -- here one node short of
  // cpu and two virtual nodes with the untolerated virtual-kubelet taint.
  @Test
  void fitErrorMessage() {
    ClusterSnapshot s = snapshot(List.of(
        node("vm", 1000, 4L << 30, 30),
        withTaints(node("virtual-1"), VK),
        withTaints(node("virtual-2"), VK)));
    Placement p = new Scheduler(SchedulerProfile.current())
        .schedule(pod("p", requests(2000, 1L << 20)), s, new SplittableRandom(1), false);
    assertThat(p.scheduled()).isFalse();
    assertThat(p.feasibleNodes()).isZero();
    assertThat(p.failureMessage()).isEqualTo(
        "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {virtual-kubelet.io/provider: azure}.");
  }

  // types.go FitError.Error: every reason of a node counts once in the histogram (a node short of
  // cpu and memory adds to both), and the "count reason" strings sort as strings.
  @Test
  void fitErrorCountsEachReasonOfANode() {
    ClusterSnapshot s = snapshot(List.of(node("a", 100, 100, 30), node("b", 100, 100, 30)));
    Placement p = new Scheduler(SchedulerProfile.current())
        .schedule(pod("p", requests(200, 200)), s, new SplittableRandom(1), true);
    assertThat(p.failureMessage()).isEqualTo("0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory.");
    assertThat(p.evaluations()).allSatisfy(e -> assertThat(e.reasons()).containsExactly("Insufficient cpu", "Insufficient memory"));
  }

  // schedule_one_test.go TestSelectHost ("ties are broken randomly" reservoir sampling): with two
  // identical nodes every seed picks one of them, different seeds pick both, a seed always the same.
  @Test
  void tieBreakIsRandomButSeeded() {
    ClusterSnapshot s = snapshot(List.of(node("node-1"), node("node-2")));
    Pod p = pod("p", requests(100, 1L << 20));
    Set<String> chosen = new HashSet<>();
    for (long seed = 0; seed < 64; seed++) {
      Placement first = new Scheduler(SchedulerProfile.current()).schedule(p, s, new SplittableRandom(seed), false);
      chosen.add(first.node());
      for (int again = 0; again < 5; again++) {
        assertThat(new Scheduler(SchedulerProfile.current()).schedule(p, s, new SplittableRandom(seed), false).node())
            .as("seed %d", seed).isEqualTo(first.node());
      }
    }
    assertThat(chosen).containsExactlyInAnyOrder("node-1", "node-2");
  }

  // schedule_one.go prioritizeNodes: total = sum of weight * normalized score; a plugin whose
  // PreScore returns Skip contributes 0 (balanced_allocation.go skips best-effort pods).
  @Test
  void totalsAreWeightedSumsAndSkippedPluginsScoreZero() {
    ClusterSnapshot s = snapshot(List.of(node("a", 4000, 10000, 110), node("b", 6000, 10000, 110)));
    Placement p = new Scheduler(SchedulerProfile.current())
        .schedule(pod("p", PodSpec.builder().build()), s, new SplittableRandom(1), true);
    assertThat(p.evaluations()).allSatisfy(e -> {
      assertThat(e.scores().get("NodeResourcesBalancedAllocation")).isZero();
      long total = 0;
      for (WeightedScorer w : SchedulerProfile.current().scorers()) {
        total += w.weight() * e.scores().get(w.plugin().name());
      }
      assertThat(e.total()).isEqualTo(total);
    });
  }

  // schedule_one_test.go TestNumFeasibleNodesToFind: fewer than 100 nodes -> all; otherwise
  // max(100, n * max(5, 50 - n/125) / 100): 1000 -> 420, 6000 -> 300; with percentageOfNodesToScore
  // 40: 1000 -> 400, 6000 -> 2400.
  @Test
  void numFeasibleNodesToFind() {
    Scheduler adaptive = new Scheduler(SchedulerProfile.current());
    assertThat(adaptive.numFeasibleNodesToFind(10)).isEqualTo(10);
    assertThat(adaptive.numFeasibleNodesToFind(50)).isEqualTo(50);
    assertThat(adaptive.numFeasibleNodesToFind(99)).isEqualTo(99);
    assertThat(adaptive.numFeasibleNodesToFind(100)).isEqualTo(100);
    assertThat(adaptive.numFeasibleNodesToFind(1000)).isEqualTo(420);
    assertThat(adaptive.numFeasibleNodesToFind(5000)).isEqualTo(500);
    assertThat(adaptive.numFeasibleNodesToFind(6000)).isEqualTo(300);
    Scheduler forty = new Scheduler(new SchedulerProfile("forty", List.of(), List.of(), 40));
    assertThat(forty.numFeasibleNodesToFind(1000)).isEqualTo(400);
    assertThat(forty.numFeasibleNodesToFind(6000)).isEqualTo(2400);
  }

  // schedule_one.go findNodesThatPassFilters: in a large cluster filtering stops after
  // numFeasibleNodesToFind feasible nodes and the next cycle starts where this one stopped.
  @Test
  void largeClustersStopFilteringEarlyAndRotate() {
    List<io.hns.model.cluster.Node> nodes = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      nodes.add(node("n" + i));
    }
    ClusterSnapshot s = ClusterSnapshot.of(nodes, List.of());
    Scheduler scheduler = new Scheduler(SchedulerProfile.current());
    Pod p = pod("p", requests(100, 1L << 20));
    assertThat(scheduler.schedule(p, s, new SplittableRandom(1), false).feasibleNodes()).isEqualTo(420);
    Placement next = scheduler.schedule(p, s, new SplittableRandom(1), false);
    assertThat(next.feasibleNodes()).isEqualTo(420);
    // The second cycle walked n420..n839, so it cannot have chosen a node of the first window.
    assertThat(Integer.parseInt(next.node().substring(1))).isBetween(420, 839);
  }
}
