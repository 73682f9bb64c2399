package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.filter;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static io.hns.model.scheduler.TestClusters.withTaints;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * plugins/tainttoleration/taint_toleration.go. The Filter message pinned here is the one of
 * Kubernetes 1.25 through 1.34.x before kubernetes#134740 ("node(s) had untolerated taint {key:
 * value}"); that change, cherry-picked to release-1.34 as #135023, prints the generic "node(s) had
 * untolerated taint(s)" instead.
 */
class TaintTolerationTest {
  private static final TaintEffect NS = TaintEffect.NO_SCHEDULE;
  private static final TaintEffect PNS = TaintEffect.PREFER_NO_SCHEDULE;

  private static Pod podWith(Toleration... tolerations) {
    return pod("pod1", PodSpec.builder().tolerations(tolerations).build());
  }

  private static Toleration tol(String key, String op, String value, TaintEffect effect) {
    return new Toleration(key, Toleration.Operator.parse(op), value, effect);
  }

  private static List<String> filterOn(Pod pod, Taint... taints) {
    Node n = withTaints(node("nodeA"), taints);
    return filter(new TaintToleration(), pod, snapshot(List.of(n)), "nodeA");
  }

  // taint_toleration_test.go TestTaintTolerationFilter: "A pod having no tolerations can't be
  // scheduled onto a node with nonempty taints".
  @Test
  void untoleratedTaintRejectsWithKeyAndValue() {
    assertThat(filterOn(podWith(), new Taint("dedicated", "user1", NS)))
        .containsExactly("node(s) had untolerated taint {dedicated: user1}");
  }

  // The hybrid case: a pod without the virtual-kubelet toleration on the ACI virtual node.
  @Test
  void virtualNodeTaintMessage() {
    assertThat(filterOn(podWith(), new Taint("virtual-kubelet.io/provider", "azure", NS)))
        .containsExactly("node(s) had untolerated taint {virtual-kubelet.io/provider: azure}");
  }

  // TestTaintTolerationFilter: "A pod which can be scheduled on a dedicated node assigned to user1
  // with effect NoSchedule" and "... can't be scheduled on a dedicated node assigned to user2".
  @Test
  void equalTolerationNeedsTheSameValue() {
    assertThat(filterOn(podWith(tol("dedicated", "", "user1", NS)), new Taint("dedicated", "user1", NS))).isNull();
    assertThat(filterOn(podWith(tol("dedicated", "Equal", "user2", NS)), new Taint("dedicated", "user1", NS)))
        .containsExactly("node(s) had untolerated taint {dedicated: user1}");
  }

  // TestTaintTolerationFilter: "A pod can be scheduled onto the node, with a toleration uses
  // operator Exists that tolerates the taints on the node" and "A pod has multiple tolerations,
  // node has multiple taints, all the taints are tolerated".
  @Test
  void everyTaintMustBeTolerated() {
    assertThat(filterOn(podWith(tol("foo", "Exists", "", NS)), new Taint("foo", "bar", NS))).isNull();
    Pod p = podWith(tol("dedicated", "Equal", "user2", NS), tol("foo", "Exists", "", NS));
    assertThat(filterOn(p, new Taint("dedicated", "user2", NS), new Taint("foo", "bar", NS))).isNull();
    assertThat(filterOn(p, new Taint("dedicated", "user2", NS), new Taint("other", "x", TaintEffect.NO_EXECUTE)))
        .containsExactly("node(s) had untolerated taint {other: x}");
  }

  // TestTaintTolerationFilter: "A pod has a toleration that keys and values match the taint on the
  // node, but (non-empty) effect doesn't match" and "... the effect of toleration is empty".
  @Test
  void tolerationEffectMustMatchUnlessEmpty() {
    assertThat(filterOn(podWith(tol("foo", "Equal", "bar", PNS)), new Taint("foo", "bar", NS)))
        .containsExactly("node(s) had untolerated taint {foo: bar}");
    assertThat(filterOn(podWith(tol("foo", "Equal", "bar", null)), new Taint("foo", "bar", NS))).isNull();
  }

  // TestTaintTolerationFilter: "The pod has a toleration that key and value don't match the taint
  // on the node, but the effect of taint on node is PreferNoSchedule" and "The pod has no
  // toleration, but the effect of taint on node is PreferNoSchedule": PreferNoSchedule never filters.
  @Test
  void preferNoScheduleNeverFilters() {
    assertThat(filterOn(podWith(tol("dedicated", "Equal", "user2", NS)), new Taint("dedicated", "user1", PNS))).isNull();
    assertThat(filterOn(podWith(), new Taint("dedicated", "user1", PNS))).isNull();
  }

  // TestTaintTolerationScore: "node with taints tolerated by the pod, gets a higher score than
  // those node with intolerable taints" -> nodeA 100, nodeB 0.
  @Test
  void scoreToleratedBeatsIntolerable() {
    ClusterSnapshot s = snapshot(List.of(
        withTaints(node("nodeA"), new Taint("foo", "bar", PNS)),
        withTaints(node("nodeB"), new Taint("foo", "blah", PNS))));
    assertThat(scores(new TaintToleration(), podWith(tol("foo", "Equal", "bar", PNS)), s))
        .containsExactly(entry("nodeA", 100L), entry("nodeB", 0L));
  }

  // TestTaintTolerationScore: "the nodes that all of their taints are tolerated by the pod, get the
  // same score, no matter how many tolerable taints a node has".
  @Test
  void scoreIgnoresTheNumberOfToleratedTaints() {
    ClusterSnapshot s = snapshot(List.of(
        node("nodeA"),
        withTaints(node("nodeB"), new Taint("cpu-type", "arm64", PNS)),
        withTaints(node("nodeC"), new Taint("cpu-type", "arm64", PNS), new Taint("disk-type", "ssd", PNS))));
    Pod p = podWith(tol("cpu-type", "Equal", "arm64", PNS), tol("disk-type", "Equal", "ssd", PNS));
    assertThat(scores(new TaintToleration(), p, s))
        .containsExactly(entry("nodeA", 100L), entry("nodeB", 100L), entry("nodeC", 100L));
  }

  // TestTaintTolerationScore: "the more intolerable taints a node has, the lower score it gets."
  // -> 100, 50, 0 (DefaultNormalizeScore reversed: 100 - 100*raw/max).
  @Test
  void scoreIsNormalizedReversed() {
    ClusterSnapshot s = snapshot(List.of(
        node("nodeA"),
        withTaints(node("nodeB"), new Taint("cpu-type", "arm64", PNS)),
        withTaints(node("nodeC"), new Taint("cpu-type", "arm64", PNS), new Taint("disk-type", "ssd", PNS))));
    assertThat(scores(new TaintToleration(), podWith(tol("foo", "Equal", "bar", PNS)), s))
        .containsExactly(entry("nodeA", 100L), entry("nodeB", 50L), entry("nodeC", 0L));
  }

  // TestTaintTolerationScore: "only taints and tolerations that have effect PreferNoSchedule are
  // checked by taints-tolerations priority function" -> 100, 100, 0: NoSchedule tolerations do
  // not count for scoring, NoSchedule taints are not scored.
  @Test
  void scoreConsidersOnlyPreferNoSchedule() {
    ClusterSnapshot s = snapshot(List.of(
        node("nodeA"),
        withTaints(node("nodeB"), new Taint("cpu-type", "arm64", NS)),
        withTaints(node("nodeC"), new Taint("cpu-type", "arm64", PNS), new Taint("disk-type", "ssd", PNS))));
    Pod p = podWith(tol("cpu-type", "Equal", "arm64", NS), tol("disk-type", "Equal", "ssd", NS));
    assertThat(scores(new TaintToleration(), p, s))
        .containsExactly(entry("nodeA", 100L), entry("nodeB", 100L), entry("nodeC", 0L));
  }

  // TestTaintTolerationScore: "Default behaviour No taints and tolerations, lands on node with no
  // taints" -> 100, 0; and DefaultNormalizeScore with max 0 reversed gives every node 100.
  @Test
  void scoreWithoutTolerations() {
    ClusterSnapshot s = snapshot(List.of(node("nodeA"), withTaints(node("nodeB"), new Taint("cpu-type", "arm64", PNS))));
    assertThat(scores(new TaintToleration(), podWith(), s)).containsExactly(entry("nodeA", 100L), entry("nodeB", 0L));
    ClusterSnapshot clean = snapshot(List.of(node("nodeA"), node("nodeB")));
    assertThat(scores(new TaintToleration(), podWith(), clean)).containsExactly(entry("nodeA", 100L), entry("nodeB", 100L));
  }
}
