package io.hns.model.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** k8s pkg/apis/core/helper GetDeletionCostFromPodAnnotations: int32, missing or invalid = 0. */
class PodDeletionCostTest {

  @Test
  @DisplayName("valid int32 values")
  void validValues() {
    assertThat(PodDeletionCost.parse("0")).isZero();
    assertThat(PodDeletionCost.parse("100")).isEqualTo(100);
    assertThat(PodDeletionCost.parse("-5")).isEqualTo(-5);
    assertThat(PodDeletionCost.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
    assertThat(PodDeletionCost.parse("-2147483648")).isEqualTo(Integer.MIN_VALUE);
    // validFirstDigit only looks at the first character, and Go's ParseInt takes "-008".
    assertThat(PodDeletionCost.parse("-008")).isEqualTo(-8);
    assertThat(PodDeletionCost.parse("-0")).isZero();
  }

  @Test
  @DisplayName("missing or invalid values are 0")
  void invalidValuesAreZero() {
    assertThat(PodDeletionCost.parse(null)).isZero();
    assertThat(PodDeletionCost.parse("")).isZero();
    assertThat(PodDeletionCost.parse("high")).isZero();
    assertThat(PodDeletionCost.parse("+10")).isZero(); // no plus sign
    assertThat(PodDeletionCost.parse("008")).isZero(); // no leading zero
    assertThat(PodDeletionCost.parse("-")).isZero();
    assertThat(PodDeletionCost.parse("1.5")).isZero();
    assertThat(PodDeletionCost.parse(" 5")).isZero();
    assertThat(PodDeletionCost.parse("1_000")).isZero();
    assertThat(PodDeletionCost.parse("2147483648")).isZero(); // beyond int32
    assertThat(PodDeletionCost.parse("-2147483649")).isZero();
    assertThat(PodDeletionCost.parse("99999999999999999999")).isZero();
    assertThat(PodDeletionCost.parse("\u0663")).isZero(); // ARABIC-INDIC DIGIT THREE: Go wants ASCII
  }

  @Test
  @DisplayName("read from the controller.kubernetes.io/pod-deletion-cost annotation")
  void readsTheAnnotation() {
    Pod.Builder b = TestPods.plain("a", "n");
    assertThat(PodDeletionCost.of(b.build())).isZero();
    assertThat(PodDeletionCost.of(b.annotations(Labels.of(Pod.DELETION_COST_ANNOTATION, "-7")).build())).isEqualTo(-7);
  }
}
