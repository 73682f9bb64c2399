package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.bound;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.owned;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.skips;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.TopologySpreadConstraint;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SelectorSpread of Kubernetes 1.19 (plugins/selectorspread/selector_spread.go, removed in 1.26):
 * per-node counts of the controller's pods, normalized 100*(max-count)/max and blended with the
 * zone's count at weight 2/3. Pods are matched by their controlling ReplicaSet here.
 */
class SelectorSpreadTest {
  private static final String[] NODES = {
    "node1.zone1", "node1.zone2", "node2.zone2", "node1.zone3", "node2.zone3", "node3.zone3"};

  private static ClusterSnapshot zoned(Pod... pods) {
    List<Node> nodes = java.util.Arrays.stream(NODES)
        .map(n -> node(n, Node.ZONE_LABEL, n.substring(n.indexOf('.') + 1)))
        .toList();
    return snapshot(nodes, pods);
  }

  private static Pod rsPod(String name, String node, String rs) {
    return owned(bound(name, node, PodSpec.builder().build()), rs);
  }

  // selector_spread_test.go TestZoneSelectorSpreadPriority "nothing scheduled": every node 100.
  @Test
  void nothingScheduled() {
    var s = scores(new SelectorSpread(), owned(pod("p", PodSpec.builder().build()), "rs1"), zoned());
    assertThat(s.values()).containsOnly(100L);
  }

  // TestZoneSelectorSpreadPriority "no services": a pod no controller selects scores 100 everywhere.
  @Test
  void noController() {
    var s = scores(new SelectorSpread(), pod("p", PodSpec.builder().build()), zoned(rsPod("x", "node1.zone1", "rs9")));
    assertThat(s.values()).containsOnly(100L);
  }

  // TestZoneSelectorSpreadPriority "five pods, 3 matching (z2=2, z3=1)" -> 100, 0, 0, 66, 33, 66:
  // node score 100*(1-count)/1, zone score 100*(2-zoneCount)/2, blended f/3 + 2*zone/3.
  @Test
  void zoneAndNodeBlend() {
    ClusterSnapshot s = zoned(
        rsPod("a", "node1.zone1", "rs2"),
        rsPod("b", "node1.zone2", "rs1"),
        rsPod("c", "node2.zone2", "rs1"),
        rsPod("d", "node1.zone3", "rs2"),
        rsPod("e", "node2.zone3", "rs1"));
    assertThat(scores(new SelectorSpread(), owned(pod("p", PodSpec.builder().build()), "rs1"), s)).containsExactly(
        entry("node1.zone1", 100L), entry("node1.zone2", 0L), entry("node2.zone2", 0L),
        entry("node1.zone3", 66L), entry("node2.zone3", 33L), entry("node3.zone3", 66L));
  }

  // TestZoneSelectorSpreadPriority "four pods, 3 matching (z1=1, z2=1, z3=1)" -> 0, 0, 33, 0, 33, 33.
  @Test
  void evenZones() {
    ClusterSnapshot s = zoned(
        rsPod("a", "node1.zone1", "rs1"),
        rsPod("b", "node1.zone2", "rs1"),
        rsPod("c", "node2.zone2", "rs2"),
        rsPod("d", "node1.zone3", "rs1"));
    assertThat(scores(new SelectorSpread(), owned(pod("p", PodSpec.builder().build()), "rs1"), s)).containsExactly(
        entry("node1.zone1", 0L), entry("node1.zone2", 0L), entry("node2.zone2", 33L),
        entry("node1.zone3", 0L), entry("node2.zone3", 33L), entry("node3.zone3", 33L));
  }

  // selector_spread_test.go TestSelectorSpreadScore "Another replication set with partial pod label
  // matches" (no zones; 2 selected pods on node1, 1 on node2) -> 0, 50: node score only,
  // 100*(max-count)/max. And a zoneless node keeps its node score even when other nodes are zoned
  // (selector_spread.go NormalizeScore blends the zone only `if zoneID != ""`).
  @Test
  void zonelessNodesKeepTheirNodeScore() {
    ClusterSnapshot noZones = snapshot(List.of(node("node1"), node("node2")),
        rsPod("a", "node1", "rs1"), rsPod("b", "node1", "rs1"), rsPod("c", "node2", "rs1"));
    assertThat(scores(new SelectorSpread(), owned(pod("p", PodSpec.builder().build()), "rs1"), noZones))
        .containsExactly(entry("node1", 0L), entry("node2", 50L));
    ClusterSnapshot hybrid = snapshot(List.of(node("vm", Node.ZONE_LABEL, "eastus-1"), node("virtual")),
        rsPod("a", "vm", "rs1"));
    assertThat(scores(new SelectorSpread(), owned(pod("p", PodSpec.builder().build()), "rs1"), hybrid))
        .containsExactly(entry("vm", 0L), entry("virtual", 100L));
  }

  // TestSelectorSpreadScore "Another statefulset with TopologySpreadConstraints set in pod":
  // skipSelectorSpread -- a pod with explicit constraints is left to PodTopologySpread.
  @Test
  void skippedForPodsWithExplicitConstraints() {
    PodSpec.Builder b = PodSpec.builder();
    b.spreadConstraints = ImmutableList.of(new TopologySpreadConstraint(1, "foo", false, LabelSelector.NOTHING));
    assertThat(skips(new SelectorSpread(), owned(pod("p", b.build()), "rs1"), zoned())).isTrue();
  }
}
