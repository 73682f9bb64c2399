package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.T0;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.pending;
import static io.hns.model.autoscaler.Fixtures.spec;
import static io.hns.model.autoscaler.Fixtures.vm;
import static io.hns.model.autoscaler.Fixtures.withLabel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The expanders (CA expander/random, mostpods, waste, priority). */
class ExpanderTest {

  private static ExpansionOption option(String group, int nodes, int pods) {
    FakeNodeGroup g = new FakeNodeGroup(group, 0, 10, vm(group + "-template", 4000, 16 * GI), () -> T0);
    List<Pod> ps = new ArrayList<>();
    for (int i = 0; i < pods; i++) {
      ps.add(pending(group + "-pod-" + i, spec(500, GI), WEB));
    }
    return new ExpansionOption(g, new NodeTemplate(group, g.template, List.of()), nodes, ps);
  }

  private static AutoscalerConfig with(AutoscalerConfig.ExpanderKind kind) {
    return AutoscalerConfig.aksDefaults().withExpander(kind, Map.of());
  }

  /**
   * waste.go: wasted = (cap.cpu·n − req.cpu)/(cap.cpu·n) + (cap.mem·n − req.mem)/(cap.mem·n). A
   * 1800m / 7Gi pod wastes 0.1 + 0.125 = 0.225 of a 2-core / 8Gi node and 0.775 + 0.78125 of an
   * 8-core / 32Gi one: the small group wins.
   */
  @Test
  void leastWastePicksTheGroupLeavingLeastUnused() {
    Harness h = new Harness(with(AutoscalerConfig.ExpanderKind.LEAST_WASTE));
    FakeNodeGroup big = h.group("big", 0, 10, vm("big-template", 8000, 32 * GI));
    FakeNodeGroup small = h.group("small", 0, 10, vm("small-template", 2000, 8 * GI));
    h.pod(pending("snug", spec(1800, 7 * GI), WEB));

    h.loopAt(T0);

    assertThat(small.increaseCalls).containsExactly(1);
    assertThat(big.increaseCalls).isEmpty();
    Pod p = pending("snug", spec(1800, 7 * GI), WEB);
    ExpansionOption smallOption = new ExpansionOption(small, new NodeTemplate("small", small.template, List.of()), 1, List.of(p));
    ExpansionOption bigOption = new ExpansionOption(big, new NodeTemplate("big", big.template, List.of()), 1, List.of(p));
    assertThat(LeastWasteExpander.wastedScore(smallOption)).isCloseTo(0.225, within(1e-9));
    assertThat(LeastWasteExpander.wastedScore(bigOption)).isCloseTo(0.775 + 0.78125, within(1e-9));
  }

  /**
   * mostpods.go: the option scheduling the most pods wins. Two of five pods need {@code disk=ssd},
   * so the ssd group helps 5 and the plain one 3.
   */
  @Test
  void mostPodsPicksTheGroupHelpingMorePods() {
    Harness h = new Harness(with(AutoscalerConfig.ExpanderKind.MOST_PODS));
    FakeNodeGroup plain = h.group("plain", 0, 10, vm("plain-template", 4000, 16 * GI));
    FakeNodeGroup ssd = h.group("ssd", 0, 10, withLabel(vm("ssd-template", 4000, 16 * GI), "disk", "ssd"));
    for (int i = 0; i < 3; i++) {
      h.pod(pending("any-" + i, spec(500, GI), WEB));
    }
    PodSpec needsSsd = PodSpec.builder().requests(500, GI).nodeSelector("disk", "ssd").build();
    OwnerRef db = new OwnerRef("ReplicaSet", "db-1", "uid-db");
    for (int i = 0; i < 2; i++) {
      h.pod(pending("ssd-" + i, needsSsd, db));
    }

    h.loopAt(T0);

    assertThat(ssd.increaseCalls).containsExactly(1);
    assertThat(plain.increaseCalls).isEmpty();
    assertThat(h.actions.events(AutoscalerEvents.TRIGGERED_SCALE_UP)).hasSize(5);
  }

  /** random.go: uniform over the options, drawn from the caller's seeded stream. */
  @Test
  void randomIsUniformAndDeterministicForASeed() {
    List<ExpansionOption> options = List.of(option("a", 1, 1), option("b", 1, 1), option("c", 1, 1));
    RandomExpander expander = new RandomExpander();
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Long> counts = new java.util.TreeMap<>();
    for (int i = 0; i < 3000; i++) {
      counts.merge(expander.bestOption(options, random).group().id(), 1L, Long::sum);
    }
    assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(900L, 1100L));

    SplittableRandom r1 = new SplittableRandom(99);
    SplittableRandom r2 = new SplittableRandom(99);
    List<String> s1 = IntStream.range(0, 50).mapToObj(i -> expander.bestOption(options, r1).group().id()).toList();
    List<String> s2 = IntStream.range(0, 50).mapToObj(i -> expander.bestOption(options, r2).group().id()).toList();
    assertThat(s1).isEqualTo(s2).containsAll(List.of("a", "b", "c"));
  }

  /** Through the autoscaler: two identical groups, each picked about half the time over seeds. */
  @Test
  void randomExpanderSplitsScaleUpsBetweenEqualGroups() {
    int chooseA = 0;
    for (int seed = 0; seed < 200; seed++) {
      FakeClusterView view = new FakeClusterView(T0);
      FakeNodeGroup a = new FakeNodeGroup("a", 0, 10, vm("a-template", 2000, 8 * GI), () -> T0);
      FakeNodeGroup b = new FakeNodeGroup("b", 0, 10, vm("b-template", 2000, 8 * GI), () -> T0);
      view.groups.add(a);
      view.groups.add(b);
      view.pods.add(pending("web-0", spec(500, GI), WEB));
      new ClusterAutoscaler(AutoscalerConfig.aksDefaults())
          .runOnce(view, new FakeClusterActions(), new SplittableRandom(seed));
      assertThat(a.increaseCalls.size() + b.increaseCalls.size()).isEqualTo(1);
      chooseA += a.increaseCalls.size();
    }
    assertThat(chooseA).isBetween(70, 130);
  }

  /**
   * priority.go: the highest priority whose regexp matches the group id anywhere wins; groups no
   * expression matches are dropped; with no match at all, random among all.
   */
  @Test
  void priorityPicksTheHighestMatchingGroup() {
    ExpansionOption spot = option("aks-spot-1", 1, 1);
    ExpansionOption ondemand = option("aks-ondemand-1", 1, 1);
    ExpansionOption gpu = option("aks-gpu-1", 1, 1);
    SplittableRandom random = new SplittableRandom(1);

    PriorityExpander p = new PriorityExpander(Map.of("spot", 50, "ondemand", 10, ".*", 1));
    assertThat(p.bestOption(List.of(ondemand, gpu, spot), random)).isSameAs(spot);
    assertThat(p.bestOption(List.of(gpu, ondemand), random)).isSameAs(ondemand);

    PriorityExpander onlyOnDemand = new PriorityExpander(Map.of("ondemand", 10));
    for (int i = 0; i < 20; i++) {
      assertThat(onlyOnDemand.bestOption(List.of(spot, ondemand, gpu), random)).isSameAs(ondemand);
    }
    PriorityExpander none = new PriorityExpander(Map.of("windows", 10));
    assertThat(none.bestOption(List.of(spot, ondemand), random)).isIn(spot, ondemand);
  }
}
