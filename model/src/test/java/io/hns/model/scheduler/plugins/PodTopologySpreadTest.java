package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.bound;
import static io.hns.model.scheduler.TestClusters.filter;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.owned;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.skips;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Times;
import io.hns.model.cluster.TopologySpreadConstraint;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** plugins/podtopologyspread (filtering.go, scoring.go, plugin.go system defaults). */
class PodTopologySpreadTest {
  private static final String HOST = Node.HOSTNAME_LABEL;
  private static final String ZONE = Node.ZONE_LABEL;
  // scoring_test.go / filtering_test.go fooSelector: st.MakeLabelSelector().Exists("foo").
  private static final LabelSelector FOO =
      LabelSelector.of(java.util.Map.of(), List.of(LabelRequirement.of("foo", LabelRequirement.Operator.EXISTS)));
  private static final PodTopologySpread PTS = new PodTopologySpread();

  private static Pod incoming(boolean scheduleAnyway, int maxSkew, String key) {
    PodSpec.Builder b = PodSpec.builder();
    b.spreadConstraints = ImmutableList.of(new TopologySpreadConstraint(maxSkew, key, scheduleAnyway, FOO));
    return pod("p", b.build(), "foo", "");
  }

  /** {@code counts[i]} pods labelled foo on {@code nodes[i]}. */
  private static List<Pod> spread(String[] nodes, int... counts) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      for (int k = 0; k < counts[i]; k++) {
        out.add(bound("p-" + nodes[i] + k, nodes[i], PodSpec.builder().build(), "foo", ""));
      }
    }
    return out;
  }

  private static Node host(String name, String... more) {
    String[] labels = new String[more.length + 2];
    labels[0] = HOST;
    labels[1] = name;
    System.arraycopy(more, 0, labels, 2, more.length);
    return node(name, labels);
  }

  // scoring_test.go TestPodTopologySpreadScore: "one constraint on node, all 4 nodes are
  // candidates" (2/1/0/3): raw round(count*ln(6)) = 4, 2, 0, 5; normalized 100*(max+min-s)/max =
  // 20, 60, 100, 0.
  @Test
  void scoreOneHostnameConstraint() {
    String[] names = {"node-a", "node-b", "node-c", "node-d"};
    ClusterSnapshot s = ClusterSnapshot.of(List.of(host("node-a"), host("node-b"), host("node-c"), host("node-d")),
        spread(names, 2, 1, 0, 3));
    assertThat(scores(PTS, incoming(true, 1, HOST), s))
        .containsExactly(entry("node-a", 20L), entry("node-b", 60L), entry("node-c", 100L), entry("node-d", 0L));
  }

  // TestPodTopologySpreadScore: "one constraint on node, all 4 nodes are candidates, maxSkew=3"
  // (4/3/2/1) -> 44, 66, 77, 100: maxSkew - 1 is added to every raw score.
  @Test
  void scoreMaxSkewWatersDownDifferences() {
    String[] names = {"node-a", "node-b", "node-c", "node-d"};
    ClusterSnapshot s = ClusterSnapshot.of(List.of(host("node-a"), host("node-b"), host("node-c"), host("node-d")),
        spread(names, 4, 3, 2, 1));
    assertThat(scores(PTS, incoming(true, 3, HOST), s))
        .containsExactly(entry("node-a", 44L), entry("node-b", 66L), entry("node-c", 77L), entry("node-d", 100L));
  }

  // TestPodTopologySpreadScore: "system defaulting, nodes don't have zone, pods match service"
  // (4/3/2/1) -> 44, 66, 77, 100 -- "Same scores as if we were using one spreading constraint":
  // the zone default (maxSkew 5) has one domain "" and nodes without the label skip it. Here the
  // pods are selected by their ReplicaSet, which plugin.go buildDefaultConstraints also honours.
  @Test
  void scoreSystemDefaultsOnNodesWithoutZone() {
    String[] names = {"node-a", "node-b", "node-c", "node-d"};
    List<Pod> pods = spread(names, 4, 3, 2, 1).stream().map(p -> owned(p, "rs1")).toList();
    ClusterSnapshot s = ClusterSnapshot.of(List.of(host("node-a"), host("node-b"), host("node-c"), host("node-d")), pods);
    Pod p = owned(pod("p", PodSpec.builder().build(), "foo", ""), "rs1");
    assertThat(scores(PTS, p, s))
        .containsExactly(entry("node-a", 44L), entry("node-b", 66L), entry("node-c", 77L), entry("node-d", 100L));
  }

  // scoring_test.go TestPreScoreSkip "the pod doesn't have soft topology spread Constraints" and
  // plugin.go buildDefaultConstraints: without a selecting controller there are no defaults.
  @Test
  void skipsPodsWithoutConstraintsOrController() {
    ClusterSnapshot s = snapshot(List.of(host("node-a"), host("node-b")));
    assertThat(skips(PTS, pod("p", PodSpec.builder().build()), s)).isTrue();
    assertThat(skips(PTS, incoming(false, 1, HOST), s)).isTrue();
    assertThat(skips(PTS, owned(pod("p", PodSpec.builder().build()), "rs1"), s)).isFalse();
  }

  // scoring_test.go TestPreScoreStateEmptyNodes "system default constraints and a replicaset"
  // ("Nodes with no zone are not excluded. They are considered a separate zone."): hostname maxSkew
  // 3, zone maxSkew 5. A zoned node and a zoneless one (the ACI virtual node) with no pods yet:
  // zoned raw 0*ln(4) + 2 + 0*ln(4) + 4 = 6, zoneless 0 + 2 = 2 -> 100*(6+2-6)/6 = 33 and 100.
  @Test
  void systemDefaultsScoreAZonelessNodeOnHostnameOnly() {
    ClusterSnapshot s = snapshot(List.of(host("vm", ZONE, "eastus-1"), host("virtual")));
    Pod p = owned(pod("p", PodSpec.builder().build()), "rs1");
    assertThat(scores(PTS, p, s)).containsExactly(entry("vm", 33L), entry("virtual", 100L));
  }

  // scoring.go PreScore requireAllTopologies = explicit constraints: TestPodTopologySpreadScore
  // "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key"
  // (4/?2?/1/~3~) -> node-a 16, node-b ignored and 0, node-x 100.
  @Test
  void explicitConstraintsIgnoreNodesWithoutTheKey() {
    List<Node> nodes = List.of(host("node-a"), node("node-b", "n", "node-b"), host("node-x"), host("node-y"));
    ClusterSnapshot s = ClusterSnapshot.of(nodes, spread(new String[] {"node-a", "node-b", "node-x", "node-y"}, 4, 2, 1, 3));
    assertThat(scores(PTS, incoming(true, 1, HOST), s, "node-a", "node-b", "node-x"))
        .containsExactly(entry("node-a", 16L), entry("node-b", 0L), entry("node-x", 100L));
  }

  // The hybrid case of the same rule: an explicit zone constraint ignores the zoneless virtual node
  // (score 0), where the system defaults score it 100 (previous test).
  @Test
  void explicitZoneConstraintIgnoresTheZonelessVirtualNode() {
    ClusterSnapshot s = snapshot(List.of(host("vm", ZONE, "eastus-1"), host("virtual")));
    assertThat(scores(PTS, incoming(true, 1, ZONE), s)).containsExactly(entry("vm", 100L), entry("virtual", 0L));
  }

  // TestPodTopologySpreadScore: "one constraint on zone, 3 out of 4 nodes are candidates" -> 75,
  // 75, 100: zone counts include pods on non-candidate nodes (node-y) of a candidate's zone.
  @Test
  void scoreZoneCountsAllNodesOfTheDomain() {
    List<Node> nodes = List.of(host("node-a", "zone", "zone1"), host("node-b", "zone", "zone1"),
        host("node-x", "zone", "zone2"), host("node-y", "zone", "zone2"));
    ClusterSnapshot s = ClusterSnapshot.of(nodes, spread(new String[] {"node-a", "node-b", "node-x", "node-y"}, 4, 2, 1, 3));
    assertThat(scores(PTS, incoming(true, 1, "zone"), s, "node-a", "node-b", "node-x"))
        .containsExactly(entry("node-a", 75L), entry("node-b", 75L), entry("node-x", 100L));
  }

  // TestPodTopologySpreadScore "terminating Pods should be excluded" -> node-a 100, node-b 0.
  @Test
  void scoreExcludesTerminatingPods() {
    Pod terminating = bound("p-a", "node-a", PodSpec.builder().build(), "foo", "").toBuilder().deletionTime(Times.parse("2021-03-01T10:00:00Z")).build();
    ClusterSnapshot s = snapshot(List.of(host("node-a"), host("node-b")),
        terminating, bound("p-b", "node-b", PodSpec.builder().build(), "foo", ""));
    assertThat(scores(PTS, incoming(true, 1, HOST), s)).containsExactly(entry("node-a", 100L), entry("node-b", 0L));
  }

  // The same rule for the system defaults, which count pods of the same owner: node-a's only pod is
  // terminating, so raw scores are 0*ln(4) + 2 = 2 and 1*ln(4) + 2 = 3.39 -> 3 (zones absent);
  // normalized 100*(5-2)/3 = 100 and 100*(5-3)/3 = 66. Counting the terminating pod would tie them.
  @Test
  void systemDefaultsExcludeTerminatingPods() {
    Pod terminating = owned(bound("p-a", "node-a", PodSpec.builder().build()), "rs1").toBuilder()
        .deletionTime(Times.parse("2021-03-01T10:00:00Z")).build();
    ClusterSnapshot s = snapshot(List.of(host("node-a"), host("node-b")),
        terminating, owned(bound("p-b", "node-b", PodSpec.builder().build()), "rs1"));
    assertThat(scores(PTS, owned(pod("p", PodSpec.builder().build()), "rs1"), s))
        .containsExactly(entry("node-a", 100L), entry("node-b", 66L));
  }

  // filtering_test.go TestSingleConstraint: "pods spread across nodes as 2/1/0/3, only node-x
  // fits" (skew = count + 1 - min must not exceed maxSkew) and "..., maxSkew is 2, node-b and
  // node-x fit".
  @Test
  void filterDoNotScheduleSkew() {
    List<Node> nodes = List.of(node("node-a", "node", "node-a"), node("node-b", "node", "node-b"),
        node("node-x", "node", "node-x"), node("node-y", "node", "node-y"));
    ClusterSnapshot s = ClusterSnapshot.of(nodes, spread(new String[] {"node-a", "node-b", "node-x", "node-y"}, 2, 1, 0, 3));
    String skew = "node(s) didn't match pod topology spread constraints";
    Pod one = incoming(false, 1, "node");
    assertThat(filter(PTS, one, s, "node-a")).containsExactly(skew);
    assertThat(filter(PTS, one, s, "node-b")).containsExactly(skew);
    assertThat(filter(PTS, one, s, "node-x")).isNull();
    assertThat(filter(PTS, one, s, "node-y")).containsExactly(skew);
    Pod two = incoming(false, 2, "node");
    assertThat(filter(PTS, two, s, "node-a")).containsExactly(skew);
    assertThat(filter(PTS, two, s, "node-b")).isNull();
    assertThat(filter(PTS, two, s, "node-x")).isNull();
    assertThat(filter(PTS, two, s, "node-y")).containsExactly(skew);
  }

  // filtering_test.go TestSingleConstraint: "pods spread across zones as 1/2 due to absence of label
  // 'zone' on node-b": node-b (label "zon") is rejected as missing the label and its pod is not
  // counted; zone1 = 1, zone2 = 2.
  @Test
  void filterMissingLabel() {
    List<Node> nodes = List.of(node("node-a", "zone", "zone1"), node("node-b", "zon", "zone1"),
        node("node-x", "zone", "zone2"), node("node-y", "zone", "zone2"));
    ClusterSnapshot s = ClusterSnapshot.of(nodes, spread(new String[] {"node-a", "node-b", "node-x", "node-y"}, 1, 1, 1, 1));
    Pod p = incoming(false, 1, "zone");
    assertThat(filter(PTS, p, s, "node-a")).isNull();
    assertThat(filter(PTS, p, s, "node-b")).containsExactly("node(s) didn't match pod topology spread constraints (missing required label)");
    assertThat(filter(PTS, p, s, "node-x")).containsExactly("node(s) didn't match pod topology spread constraints");
    assertThat(filter(PTS, p, s, "node-y")).containsExactly("node(s) didn't match pod topology spread constraints");
  }

  // filtering_test.go TestSingleConstraint "terminating Pods should be excluded": node-a fits
  // (its only pod is terminating), node-b does not.
  @Test
  void filterExcludesTerminatingPods() {
    Pod terminating = bound("p-a", "node-a", PodSpec.builder().build(), "foo", "").toBuilder()
        .deletionTime(Times.parse("2021-03-01T10:00:00Z")).build();
    ClusterSnapshot s = snapshot(List.of(node("node-a", "node", "node-a"), node("node-b", "node", "node-b")),
        terminating, bound("p-b", "node-b", PodSpec.builder().build(), "foo", ""));
    Pod p = incoming(false, 1, "node");
    assertThat(filter(PTS, p, s, "node-a")).isNull();
    assertThat(filter(PTS, p, s, "node-b")).containsExactly("node(s) didn't match pod topology spread constraints");
  }

  // plugin.go: system default constraints are ScheduleAnyway only, so they never filter.
  @Test
  void systemDefaultsNeverFilter() {
    ClusterSnapshot s = snapshot(List.of(host("vm", ZONE, "eastus-1"), host("virtual")),
        owned(bound("a", "vm", PodSpec.builder().build()), "rs1"),
        owned(bound("b", "vm", PodSpec.builder().build()), "rs1"),
        owned(bound("c", "vm", PodSpec.builder().build()), "rs1"),
        owned(bound("d", "vm", PodSpec.builder().build()), "rs1"));
    Pod p = owned(pod("p", PodSpec.builder().build()), "rs1");
    assertThat(filter(PTS, p, s, "vm")).isNull();
    assertThat(filter(PTS, p, s, "virtual")).isNull();
  }
}
