package io.hns.model.disruption;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pkg/controller/disruption/disruption.go: disruptionsAllowed = currentHealthy − desiredHealthy. */
class DisruptionBudgetTest {
  static List<Pod> pods(int ready, int unready) {
    List<Pod> out = new ArrayList<>();
    for (int i = 0; i < ready + unready; i++) {
      out.add(Pod.builder("shop", "web-" + i, PodSpec.builder().requests(100, 1).build())
          .labels(Labels.of("app", "web")).ready(i < ready ? ConditionStatus.TRUE : ConditionStatus.FALSE, 0).build());
    }
    return out;
  }

  static DisruptionBudget budget(IntOrPercent min, IntOrPercent max) {
    return new DisruptionBudget("shop", "web", LabelSelector.matchLabels("app", "web"), min, max);
  }

  @Test
  void minAvailableCountsHealthyPods() {
    assertThat(budget(IntOrPercent.parse("3"), null).disruptionsAllowed(pods(5, 0))).isEqualTo(2);
    assertThat(budget(IntOrPercent.parse("3"), null).disruptionsAllowed(pods(3, 2))).isZero();
  }

  @Test
  void percentagesRoundUpTheDesiredHealthyCount() {
    // GetScaledValueFromIntOrPercent(minAvailable, expected, roundUp=true): 50% of 5 is 3.
    assertThat(budget(IntOrPercent.parse("50%"), null).disruptionsAllowed(pods(5, 0))).isEqualTo(2);
    // maxUnavailable 25% of 5 rounds up to 2: desired 3 healthy.
    assertThat(budget(null, IntOrPercent.parse("25%")).disruptionsAllowed(pods(5, 0))).isEqualTo(2);
  }

  @Test
  void maxUnavailableZeroAllowsNothing() {
    assertThat(budget(null, IntOrPercent.parse("0")).disruptionsAllowed(pods(4, 0))).isZero();
  }

  @Test
  void podsOfOtherWorkloadsAreNotCovered() {
    Pod other = Pod.builder("shop", "db-0", PodSpec.builder().build()).labels(Labels.of("app", "db")).build();
    assertThat(budget(null, IntOrPercent.parse("1")).covers(other)).isFalse();
  }
}
