package io.hns.model.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Toleration.Operator;
import org.junit.jupiter.api.Test;

/** {@code Toleration.ToleratesTaint} of staging/src/k8s.io/api/core/v1/toleration.go. */
class TolerationTest {
  private static final TaintEffect NO_SCHEDULE = TaintEffect.NO_SCHEDULE;

  private static Toleration tol(String key, String op, String value, String effect) {
    return new Toleration(key, Operator.parse(op), value, TaintEffect.parse(effect));
  }

  // toleration_test.go TestTolerationToleratesTaint: "same key and effect, and operator is Exists,
  // and taint has no value" and "... taint has some value" -> tolerated.
  @Test
  void existsToleratesAnyValueOfTheKey() {
    Toleration t = tol("foo", "Exists", "", "NoSchedule");
    assertThat(t.tolerates(new Taint("foo", "", NO_SCHEDULE))).isTrue();
    assertThat(t.tolerates(new Taint("foo", "bar", NO_SCHEDULE))).isTrue();
    assertThat(t.tolerates(new Taint("other", "bar", NO_SCHEDULE))).isFalse();
  }

  // toleration_test.go TestTolerationToleratesTaint: "toleration has empty key and operator is
  // Exists, means match all taints" (same effect).
  @Test
  void emptyKeyWithExistsToleratesEveryTaintOfThatEffect() {
    Toleration t = tol("", "Exists", "", "NoSchedule");
    assertThat(t.tolerates(new Taint("foo", "bar", NO_SCHEDULE))).isTrue();
    assertThat(t.tolerates(new Taint("virtual-kubelet.io/provider", "azure", NO_SCHEDULE))).isTrue();
    assertThat(t.tolerates(new Taint("foo", "bar", TaintEffect.NO_EXECUTE))).isFalse();
  }

  // toleration.go ToleratesTaint: an empty effect matches all effects, so {operator: Exists} alone
  // tolerates everything.
  @Test
  void emptyKeyAndEffectWithExistsToleratesEverything() {
    Toleration t = tol("", "Exists", "", "");
    for (TaintEffect e : TaintEffect.values()) {
      assertThat(t.tolerates(new Taint("any", "thing", e))).as(e.wireName()).isTrue();
    }
  }

  // toleration_test.go TestTolerationToleratesTaint: "same key, effect and value, and operator is
  // Equal" -> tolerated; "different values" -> not tolerated.
  @Test
  void equalComparesValues() {
    assertThat(tol("foo", "Equal", "bar", "NoSchedule").tolerates(new Taint("foo", "bar", NO_SCHEDULE))).isTrue();
    assertThat(tol("foo", "Equal", "value1", "NoSchedule").tolerates(new Taint("foo", "value2", NO_SCHEDULE))).isFalse();
  }

  // toleration.go ToleratesTaint: `case "", TolerationOpEqual` -- an empty operator means Equal.
  @Test
  void emptyOperatorMeansEqual() {
    assertThat(tol("foo", "", "bar", "NoSchedule").tolerates(new Taint("foo", "bar", NO_SCHEDULE))).isTrue();
    assertThat(tol("foo", null, "bar", "NoSchedule").tolerates(new Taint("foo", "baz", NO_SCHEDULE))).isFalse();
  }

  // toleration_test.go TestTolerationToleratesTaint: "same key and value, but different effects,
  // and operator is Equal" -> not tolerated.
  @Test
  void differentEffectIsNotTolerated() {
    assertThat(tol("foo", "Equal", "bar", "NoSchedule").tolerates(new Taint("foo", "bar", TaintEffect.NO_EXECUTE))).isFalse();
  }

  // taint_toleration_test.go TestTaintTolerationFilter: "the effect of toleration is empty, and the
  // effect of taint is NoSchedule. Pod can be scheduled onto the node".
  @Test
  void emptyEffectMatchesAllEffects() {
    Toleration t = tol("foo", "Equal", "bar", "");
    for (TaintEffect e : TaintEffect.values()) {
      assertThat(t.tolerates(new Taint("foo", "bar", e))).as(e.wireName()).isTrue();
    }
  }

  // toleration.go ToleratesTaint `default: return false`: an operator the API does not know (the
  // alpha Gt/Lt of TaintTolerationComparisonOperators with the gate off, or a typo) tolerates
  // nothing, even with a matching key, value and effect.
  @Test
  void unknownOperatorToleratesNothing() {
    assertThat(Operator.parse("Gt")).isEqualTo(Operator.UNKNOWN);
    assertThat(tol("foo", "Gt", "bar", "NoSchedule").tolerates(new Taint("foo", "bar", NO_SCHEDULE))).isFalse();
    assertThat(tol("", "exists", "", "").tolerates(new Taint("foo", "bar", NO_SCHEDULE))).isFalse();
  }
}
