package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.compilePod;
import static io.hns.model.scheduler.TestClusters.filter;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.skips;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelRequirement.Operator;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.PreferredTerm;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** plugins/nodeaffinity/node_affinity.go on component-helpers' nodeaffinity matching. */
class NodeAffinityTest {
  private static final String REASON = "node(s) didn't match Pod's node affinity/selector";

  private static NodeSelectorTerm term(String key, Operator op, String... values) {
    return NodeSelectorTerm.of(List.of(LabelRequirement.of(key, op, values)), List.of());
  }

  private static List<String> filterOn(PodSpec spec, String... nodeLabels) {
    ClusterSnapshot s = snapshot(List.of(node("n", nodeLabels)));
    return filter(new NodeAffinity(), pod("p", spec), s, "n");
  }

  // nodeaffinity_test.go TestPodMatchesNodeSelectorAndAffinityTerms: "no selector", "missing
  // labels", "same labels", "node labels are superset", "node labels are subset".
  @Test
  void nodeSelectorNeedsEveryEntry() {
    assertThat(filterOn(PodSpec.builder().build())).isNull();
    assertThat(filterOn(PodSpec.builder().nodeSelector("foo", "bar").build())).containsExactly(REASON);
    assertThat(filterOn(PodSpec.builder().nodeSelector("foo", "bar").build(), "foo", "bar")).isNull();
    assertThat(filterOn(PodSpec.builder().nodeSelector("foo", "bar").build(), "foo", "bar", "baz", "blah")).isNull();
    assertThat(filterOn(PodSpec.builder().nodeSelector("foo", "bar", "baz", "blah").build(), "foo", "bar")).containsExactly(REASON);
  }

  // nodeaffinity_test.go "Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are
  // deprecating) both are satisfied, will schedule onto the node" and "Pod with an Affinity matches
  // node's labels but the PodSpec.NodeSelector ... is not satisfied, won't schedule onto the node".
  @Test
  void nodeSelectorAndRequiredTermsAreAnded() {
    PodSpec both = PodSpec.builder().nodeSelector("foo", "bar").required(term("foo", Operator.EXISTS)).build();
    assertThat(filterOn(both, "foo", "bar")).isNull();
    assertThat(filterOn(both, "foo", "barrrrrr")).containsExactly(REASON);
  }

  // nodeaffinity_test.go "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's
  // labels and will schedule onto the node".
  @Test
  void requiredTermsAreOred() {
    PodSpec spec = PodSpec.builder()
        .required(term("foo", Operator.IN, "bar", "value2"), term("diffkey", Operator.IN, "wrong", "value2")).build();
    assertThat(filterOn(spec, "foo", "bar")).isNull();
    assertThat(filterOn(spec, "foo", "baz")).containsExactly(REASON);
  }

  // nodeaffinity_test.go "Pod with Affinity but nil NodeSelector will schedule onto a node" and
  // "Pod with an empty []NodeSelectorTerm in affinity, can't match the node's labels".
  @Test
  void nilRequiredImposesNothingButAnEmptyListMatchesNothing() {
    assertThat(filterOn(PodSpec.builder().build(), "foo", "bar")).isNull();
    assertThat(filterOn(PodSpec.builder().required().build(), "foo", "bar")).containsExactly(REASON);
  }

  // nodeaffinity_test.go "Pod with empty MatchExpressions is not a valid value will match no
  // objects and won't schedule onto the node", read from YAML as a user would write it.
  @Test
  void termWithEmptyMatchExpressionsMatchesNoNode() {
    Pod p = compilePod("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, image: nginx}]
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                  - matchExpressions: []
        """);
    ClusterSnapshot s = snapshot(List.of(node("n", "foo", "bar")));
    assertThat(filter(new NodeAffinity(), p, s, "n")).containsExactly(REASON);
  }

  // nodeaffinity_test.go "Pod with an invalid value in Affinity term won't be scheduled onto the
  // node" via the manifest path (node_affinity.go Filter ignores the parse error: no match).
  @Test
  void invalidTermFromYamlMatchesNoNode() {
    Pod p = compilePod("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, image: nginx}]
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                  - matchExpressions:
                      - {key: foo, operator: NotIn, values: ["invalid value: ___@#$%^"]}
        """);
    ClusterSnapshot s = snapshot(List.of(node("n", "foo", "bar")));
    assertThat(filter(new NodeAffinity(), p, s, "n")).containsExactly(REASON);
  }

  // node_affinity_test.go TestNodeAffinity "Pod with matchFields using In operator that does not
  // match the existing node" (PreFilter narrows to the named node) and nodeaffinity_test.go "Pod
  // with two terms: matchFields does not match, but matchExpressions matches" (no narrowing).
  @Test
  void matchFieldsNarrowOnlyWhenEveryTermNamesNodes() {
    NodeSelectorTerm byName = NodeSelectorTerm.of(List.of(),
        List.of(LabelRequirement.of(NodeSelectorTerm.NODE_NAME_FIELD, Operator.IN, "node_1")));
    ClusterSnapshot s = snapshot(List.of(node("node_1"), node("node_2", "foo", "bar")));
    Pod pinned = pod("p", PodSpec.builder().required(byName).build());
    assertThat(filter(new NodeAffinity(), pinned, s, "node_1")).isNull();
    assertThat(filter(new NodeAffinity(), pinned, s, "node_2")).containsExactly(REASON);
    Pod either = pod("q", PodSpec.builder().required(byName, term("foo", Operator.IN, "bar")).build());
    assertThat(filter(new NodeAffinity(), either, s, "node_2")).isNull();
  }

  // node_affinity_test.go TestNodeAffinityPriority: "all nodes are same priority as NodeAffinity is
  // nil" and "Skip is returned in PreScore when NodeAffinity is nil".
  @Test
  void scoreSkipsPodsWithoutPreferredTerms() {
    ClusterSnapshot s = snapshot(List.of(node("node1", "foo", "bar"), node("node2", "key", "value")));
    Pod p = pod("p", PodSpec.builder().build());
    assertThat(skips(new NodeAffinity(), p, s)).isTrue();
    assertThat(scores(new NodeAffinity(), p, s)).containsExactly(entry("node1", 0L), entry("node2", 0L));
  }

  // TestNodeAffinityPriority: "no node matches preferred scheduling requirements in NodeAffinity of
  // pod so all nodes' priority is zero" and "only node1 matches the preferred scheduling
  // requirements of pod" (affinity1: weight 2, foo In [bar]).
  @Test
  void scoreSinglePreferredTerm() {
    Pod p = pod("p", PodSpec.builder().preferred(new PreferredTerm(2, term("foo", Operator.IN, "bar"))).build());
    ClusterSnapshot none = snapshot(List.of(node("node1", "abc", "az11", "def", "az22"), node("node2", "key", "value"), node("node3", "az", "az1")));
    assertThat(scores(new NodeAffinity(), p, none)).containsExactly(entry("node1", 0L), entry("node2", 0L), entry("node3", 0L));
    ClusterSnapshot one = snapshot(List.of(node("node1", "foo", "bar"), node("node2", "key", "value"), node("node3", "az", "az1")));
    assertThat(scores(new NodeAffinity(), p, one)).containsExactly(entry("node1", 100L), entry("node2", 0L), entry("node3", 0L));
  }

  // TestNodeAffinityPriority: "all nodes matches the preferred scheduling requirements of pod but
  // with different priorities" (affinity2: weights 2, 4, 5) -> raw 2, 11, 4 -> int(100*raw/11) =
  // 18, 100, 36.
  @Test
  void scoreSumsWeightsAndNormalizes() {
    NodeSelectorTerm all = NodeSelectorTerm.of(List.of(
        LabelRequirement.of("foo", Operator.IN, "bar"),
        LabelRequirement.of("key", Operator.IN, "value"),
        LabelRequirement.of("az", Operator.IN, "az1")), List.of());
    Pod p = pod("p", PodSpec.builder().preferred(
        new PreferredTerm(2, term("foo", Operator.IN, "bar")),
        new PreferredTerm(4, term("key", Operator.IN, "value")),
        new PreferredTerm(5, all)).build());
    ClusterSnapshot s = snapshot(List.of(
        node("node1", "foo", "bar"),
        node("node5", "foo", "bar", "key", "value", "az", "az1"),
        node("node2", "key", "value")));
    assertThat(scores(new NodeAffinity(), p, s)).containsExactly(entry("node1", 18L), entry("node5", 100L), entry("node2", 36L));
  }

  // nodeaffinity.go NewPreferredSchedulingTerms: a term with weight 0 is skipped.
  // nodeaffinity_test.go TestPreferredSchedulingTermsScore "invalid field selector but no weight,
  // error not reported".
  @Test
  void zeroWeightTermsAreIgnored() {
    Pod p = pod("p", PodSpec.builder().preferred(
        new PreferredTerm(0, term("foo", Operator.IN, "bar")),
        new PreferredTerm(3, term("key", Operator.IN, "value"))).build());
    ClusterSnapshot s = snapshot(List.of(node("node1", "foo", "bar"), node("node2", "key", "value")));
    assertThat(scores(new NodeAffinity(), p, s)).containsExactly(entry("node1", 0L), entry("node2", 100L));
  }
}
