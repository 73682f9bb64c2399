package io.hns.model.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.scheduler.reference.RefProfiles;
import io.hns.model.scheduler.reference.RefScheduler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: the scheduler as optimised (equivalence classes of nodes, cluster-wide flags,
 * no per-node allocation) decides exactly as the reference copy of the scheduler and its plugins
 * taken before the optimisations ({@code reference/}): on random clusters that change between
 * cycles (pods bound, removed and terminating, nodes added, removed, cordoned and tainted), every
 * placement, feasible count, failure message, per-node explanation, ranking and random tie-break
 * is the same, and so are the autoscaler's entry points (firstFeasible, fits, reasons).
 */
class SchedulerDifferentialTest {
  static Stream<Arguments> cases() {
    int[] sizes = {1, 2, 5, 12, 40, 99, 100, 101, 150, 220};
    return LongStream.range(0, 30).mapToObj(seed -> Arguments.of(seed, sizes[(int) (seed % sizes.length)],
        seed % 2 == 0 ? SchedulerProfile.CURRENT : SchedulerProfile.K8S_1_19));
  }

  @ParameterizedTest(name = "seed {0}, {1} nodes, {2}")
  @MethodSource("cases")
  void optimisedSchedulerDecidesAsTheReference(long seed, int size, String profile) {
    RandomClusters rc = new RandomClusters(seed);
    SplittableRandom r = rc.random();
    ClusterSnapshot snapshot = ClusterSnapshot.of(rc.nodes(size), List.of());
    Scheduler opt = new Scheduler(SchedulerProfile.named(profile));
    RefScheduler ref = new RefScheduler(RefProfiles.named(profile));
    SplittableRandom optRandom = new SplittableRandom(seed);
    SplittableRandom refRandom = new SplittableRandom(seed);
    Map<String, Pod> bound = new LinkedHashMap<>();
    int steps = 150 + size;
    int placements = 0;
    for (int step = 0; step < steps; step++) {
      int what = r.nextInt(100);
      String at = "seed " + seed + " step " + step;
      if (what < 70 || bound.isEmpty()) {
        Pod pod = rc.pod();
        boolean explain = r.nextInt(5) == 0;
        Placement a = opt.schedule(pod, snapshot, optRandom, explain);
        Placement b = ref.schedule(pod, snapshot, refRandom, explain);
        assertThat(a).as(at).isEqualTo(b);
        if (a.scheduled()) {
          Pod p = rc.bind(pod, a.node());
          snapshot.addPod(p);
          bound.put(p.name(), p);
          placements++;
        }
      } else if (what < 78) {
        Pod p = pick(bound, r);
        bound.remove(p.name());
        assertThat(snapshot.removePod(p)).as(at).isTrue();
      } else if (what < 82) {
        Pod p = pick(bound, r);
        Pod deleting = p.toBuilder().deletionTime(5000).build();
        snapshot.replacePod(deleting);
        bound.put(p.name(), deleting);
      } else if (what < 87) {
        List<NodeInfo> nodes = snapshot.nodes();
        Node n = nodes.get(r.nextInt(nodes.size())).node();
        Node changed = switch (r.nextInt(4)) {
          case 0 -> n.withUnschedulable(!n.unschedulable());
          case 1 -> n.withTaints(n.taints().isEmpty() ? ImmutableList.of(RandomClusters.DEDICATED) : ImmutableList.of());
          case 2 -> n.withTaints(ImmutableList.<Taint>builder().addAll(n.taints()).add(RandomClusters.PREFER_NOT).build());
          default -> new Node(n.name(), n.labels().with("disk", "ssd"), n.annotations(), n.taints(), n.capacity(),
              n.allocatable(), n.unschedulable(), n.ready(), n.providerId(), n.creationTime(), n.imageSizes());
        };
        snapshot.updateNode(changed);
      } else if (what < 90) {
        snapshot.addNode(rc.node());
      } else if (what < 92 && snapshot.size() > 1) {
        List<NodeInfo> nodes = snapshot.nodes();
        String name = nodes.get(r.nextInt(nodes.size())).name();
        snapshot.removeNode(name);
        bound.values().removeIf(p -> p.nodeName().equals(name));
      } else if (what < 93) {
        snapshot = snapshot.copy();
      } else {
        Pod pod = rc.pod();
        assertThat(opt.firstFeasible(pod, snapshot)).as(at).isEqualTo(ref.firstFeasible(pod, snapshot));
        List<NodeInfo> nodes = snapshot.nodes();
        int from = r.nextInt(nodes.size());
        List<NodeInfo> candidates = new ArrayList<>(nodes);
        assertThat(opt.firstFeasible(pod, snapshot, candidates, from, n -> !n.name().endsWith("3")))
            .as(at).isEqualTo(ref.firstFeasible(pod, snapshot, candidates, from, n -> !n.name().endsWith("3")));
        String name = nodes.get(r.nextInt(nodes.size())).name();
        assertThat(opt.fits(pod, snapshot, name)).as(at).isEqualTo(ref.fits(pod, snapshot, name));
        assertThat(opt.reasons(pod, snapshot, name)).as(at).isEqualTo(ref.reasons(pod, snapshot, name));
      }
    }
    assertThat(placements).isPositive();
    assertThat(optRandom.nextLong()).as("same random draws").isEqualTo(refRandom.nextLong());
  }

  private static Pod pick(Map<String, Pod> bound, SplittableRandom r) {
    int i = r.nextInt(bound.size());
    for (Pod p : bound.values()) {
      if (i-- == 0) return p;
    }
    throw new AssertionError();
  }

  static Labels labels(String... kv) {
    return Labels.of(kv);
  }
}
