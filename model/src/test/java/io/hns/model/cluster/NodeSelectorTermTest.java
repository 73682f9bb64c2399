package io.hns.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.LabelRequirement.Operator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Label requirements and node selector terms against labels.Requirement.Matches
 * (staging/src/k8s.io/apimachinery/pkg/labels/selector.go) and component-helpers' nodeaffinity
 * (staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go).
 */
class NodeSelectorTermTest {

  private static LabelRequirement req(String key, Operator op, String... values) {
    return LabelRequirement.of(key, op, values);
  }

  private static NodeSelectorTerm term(LabelRequirement... expressions) {
    return NodeSelectorTerm.of(List.of(expressions), List.of());
  }

  private static NodeSelectorTerm fields(LabelRequirement... fields) {
    return NodeSelectorTerm.of(List.of(), List.of(fields));
  }

  // nodeaffinity_test.go TestPodMatchesNodeSelectorAndAffinityTerms: "Pod with matchExpressions
  // using In operator that matches the existing node" and "... that don't match node's labels".
  @Test
  void in() {
    assertThat(req("foo", Operator.IN, "bar", "value2").matches(Labels.of("foo", "bar"))).isTrue();
    assertThat(req("foo", Operator.IN, "value1", "value2").matches(Labels.of("foo", "bar"))).isFalse();
    assertThat(req("foo", Operator.IN, "bar").matches(Labels.EMPTY)).isFalse();
  }

  // nodeaffinity_test.go "Pod with matchExpressions using NotIn operator that matches the existing
  // node"; selector.go Requirement.Matches NotIn: `if !ls.Has(r.key) { return true }`.
  @Test
  void notInMatchesAnAbsentLabel() {
    assertThat(req("mem-type", Operator.NOT_IN, "DDR", "DDR2").matches(Labels.of("mem-type", "DDR3"))).isTrue();
    assertThat(req("mem-type", Operator.NOT_IN, "DDR", "DDR2").matches(Labels.of("mem-type", "DDR"))).isFalse();
    assertThat(req("type", Operator.NOT_IN, "virtual-kubelet").matches(Labels.of("agentpool", "nodepool1"))).isTrue();
    assertThat(req("type", Operator.NOT_IN, "virtual-kubelet").matches(Labels.of("type", "virtual-kubelet"))).isFalse();
  }

  // nodeaffinity_test.go "Pod with matchExpressions using Exists operator that matches the
  // existing node"; selector.go DoesNotExist: `return !ls.Has(r.key)`.
  @Test
  void existsAndDoesNotExist() {
    assertThat(req("GPU", Operator.EXISTS).matches(Labels.of("GPU", "NVIDIA-GRID-K1"))).isTrue();
    assertThat(req("GPU", Operator.EXISTS).matches(Labels.EMPTY)).isFalse();
    assertThat(req("GPU", Operator.DOES_NOT_EXIST).matches(Labels.EMPTY)).isTrue();
    assertThat(req("GPU", Operator.DOES_NOT_EXIST).matches(Labels.of("GPU", ""))).isFalse();
  }

  // nodeaffinity_test.go "Pod with matchExpressions using Gt operator that matches the existing
  // node": Gt 0204 vs label 0206 -- both sides parse as base-10 int64 with leading zeros.
  @Test
  void gtAndLtCompareIntegersWithLeadingZeros() {
    assertThat(req("kernel-version", Operator.GT, "0204").matches(Labels.of("kernel-version", "0206"))).isTrue();
    assertThat(req("kernel-version", Operator.GT, "0206").matches(Labels.of("kernel-version", "0206"))).isFalse();
    assertThat(req("kernel-version", Operator.LT, "0206").matches(Labels.of("kernel-version", "0204"))).isTrue();
    assertThat(req("kernel-version", Operator.LT, "0204").matches(Labels.of("kernel-version", "0204"))).isFalse();
    assertThat(req("kernel-version", Operator.GT, "1").matches(Labels.EMPTY)).isFalse();
  }

  // selector.go Requirement.Matches Gt/Lt: an unparsable node value is `return false` (logged),
  // never an error.
  @Test
  void gtWithUnparsableNodeValueIsFalse() {
    assertThat(req("version", Operator.GT, "1").matches(Labels.of("version", "v2"))).isFalse();
    assertThat(req("version", Operator.LT, "100").matches(Labels.of("version", "1.5"))).isFalse();
    assertThat(term(req("version", Operator.LT, "100")).matches("n", Labels.of("version", "1.5"))).isFalse();
  }

  // nodeaffinity_test.go "Pod with multiple matchExpressions ANDed that matches / doesn't match
  // the existing node".
  @Test
  void expressionsInATermAreAnded() {
    Labels gpu = Labels.of("GPU", "NVIDIA-GRID-K1");
    assertThat(term(req("GPU", Operator.EXISTS), req("GPU", Operator.NOT_IN, "AMD", "INTER")).matches("n", gpu)).isTrue();
    assertThat(term(req("GPU", Operator.EXISTS), req("GPU", Operator.IN, "AMD", "INTER")).matches("n", gpu)).isFalse();
  }

  // nodeaffinity_test.go "Pod with empty MatchExpressions is not a valid value will match no
  // objects"; nodeaffinity.go newLazyErrorNodeSelector: an empty term is dropped.
  @Test
  void emptyTermMatchesNothing() {
    NodeSelectorTerm empty = NodeSelectorTerm.of(List.of(), List.of());
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.matches("node_1", Labels.of("foo", "bar"))).isFalse();
  }

  // nodeaffinity_test.go TestNodeSelectorRequirementsAsSelector: "values set must be empty for
  // exists and does not exist"; labels.NewRequirement: "for 'in', 'notin' operators, values set
  // can't be empty"; Gt/Lt need exactly one integer. A parse error makes the term match nothing.
  @Test
  void invalidOperatorArityMatchesNothing() {
    Labels labels = Labels.of("foo", "bar");
    assertThat(term(req("foo", Operator.IN)).matches("n", labels)).isFalse();
    assertThat(term(req("foo", Operator.NOT_IN)).matches("n", Labels.EMPTY)).isFalse();
    assertThat(term(req("foo", Operator.EXISTS, "bar", "baz")).matches("n", labels)).isFalse();
    assertThat(term(req("foo", Operator.GT, "1", "2")).matches("n", Labels.of("foo", "5"))).isFalse();
    assertThat(term(req("foo", Operator.GT, "abc")).matches("n", Labels.of("foo", "5"))).isFalse();
    assertThat(term(req("foo", Operator.IN)).error()).contains("at least one value");
  }

  // nodeaffinity_test.go TestPodMatchesNodeSelectorAndAffinityTerms: "Pod with an invalid value in
  // Affinity term won't be scheduled onto the node" (NotIn "invalid value: ___@#$%^", which
  // would otherwise match).
  @Test
  void invalidLabelValueMatchesNothing() {
    NodeSelectorTerm t = term(req("foo", Operator.NOT_IN, "invalid value: ___@#$%^"));
    assertThat(t.error()).contains("not a valid label value");
    assertThat(t.matches("n", Labels.of("foo", "bar"))).isFalse();
    assertThat(term(req("foo", Operator.IN, "a".repeat(64))).matches("n", Labels.of("foo", "a".repeat(64)))).isFalse();
  }

  // nodeaffinity_test.go TestNodeSelectorMatch "invalid field selector and label selector":
  // key "invalid key" fails validation.IsQualifiedName, so the term is an error and matches
  // nothing -- even with DoesNotExist, which an absent label would otherwise satisfy.
  @Test
  void invalidLabelKeyMatchesNothing() {
    NodeSelectorTerm t = term(req("invalid key", Operator.DOES_NOT_EXIST));
    assertThat(t.error()).contains("not a valid label key");
    assertThat(t.matches("n", Labels.EMPTY)).isFalse();
    assertThat(term(req("example.com/valid_Key-1", Operator.DOES_NOT_EXIST)).matches("n", Labels.EMPTY)).isTrue();
    assertThat(term(req("Example.com/key", Operator.EXISTS)).error()).isNotNull();
    assertThat(term(req("/key", Operator.EXISTS)).error()).isNotNull();
    assertThat(term(req("a/b/c", Operator.EXISTS)).error()).isNotNull();
  }

  // nodeaffinity_test.go "Pod with matchFields using In operator that matches the existing node"
  // and "... that does not match the existing node".
  @Test
  void matchFieldsMetadataNameIn() {
    NodeSelectorTerm t = fields(req(NodeSelectorTerm.NODE_NAME_FIELD, Operator.IN, "node_1"));
    assertThat(t.matches("node_1", Labels.EMPTY)).isTrue();
    assertThat(t.matches("node_2", Labels.EMPTY)).isFalse();
  }

  // nodeaffinity.go nodeSelectorRequirementsAsFieldSelector: NotIn becomes OneTermNotEqualSelector.
  @Test
  void matchFieldsMetadataNameNotIn() {
    NodeSelectorTerm t = fields(req(NodeSelectorTerm.NODE_NAME_FIELD, Operator.NOT_IN, "node_1"));
    assertThat(t.matches("node_1", Labels.EMPTY)).isFalse();
    assertThat(t.matches("node_2", Labels.EMPTY)).isTrue();
  }

  // nodeaffinity_test.go TestNodeSelectorMatch "invalid field selector": metadata.name In with two
  // values "must have one element"; other operators are NotSupported.
  @Test
  void matchFieldsNeedsExactlyOneValueAndInOrNotIn() {
    assertThat(fields(req(NodeSelectorTerm.NODE_NAME_FIELD, Operator.IN, "host_1", "host_2")).matches("host_1", Labels.EMPTY)).isFalse();
    assertThat(fields(req(NodeSelectorTerm.NODE_NAME_FIELD, Operator.EXISTS)).matches("host_1", Labels.EMPTY)).isFalse();
  }

  // nodeaffinity_test.go "Pod with one term: matchFields does not match, but matchExpressions
  // matches" (false) and "both matchFields and matchExpressions match" (true).
  @Test
  void fieldsAndExpressionsInOneTermAreAnded() {
    NodeSelectorTerm t = NodeSelectorTerm.of(
        List.of(req("foo", Operator.IN, "bar")),
        List.of(req(NodeSelectorTerm.NODE_NAME_FIELD, Operator.IN, "node_1")));
    assertThat(t.matches("node_2", Labels.of("foo", "bar"))).isFalse();
    assertThat(t.matches("node_1", Labels.of("foo", "bar"))).isTrue();
  }
}
