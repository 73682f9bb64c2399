package io.hns.live.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.live.Decision;
import io.hns.live.Decision.Outcome;
import io.hns.live.LiveSnapshot;
import io.hns.live.config.Bounds;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.Placeholders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GatedActionsTest {
  private final RecordingActions cluster = new RecordingActions();
  private final List<Decision> decisions = new ArrayList<>();
  private final Bounds bounds = new Bounds(Set.of("web"), 2, 3, false);
  private final MoveBudget moves = new MoveBudget(2);
  private final ExpectationGuard guard = new ExpectationGuard(Duration.ofSeconds(60), 3);

  private GatedActions gated(Mode mode, long now, List<Pod> pods) {
    return new GatedActions(cluster, mode, LiveSnapshot.of(now, List.of(), pods, List.of()), bounds, moves, guard,
        decisions::add, "test");
  }

  private static Pod pod(String name, boolean managed) {
    return Pod.builder("web", name, PodSpec.builder().build())
        .labels(managed ? Labels.of(Placeholders.LABEL, "overprovision") : Labels.EMPTY).build();
  }

  @Test
  @DisplayName("dry run: every action is reported as what it would do, and none reaches the cluster")
  void dryRunChangesNothing() {
    GatedActions a = gated(Mode.DRY_RUN, 0, List.of(pod("p", false)));
    a.scale("web", "Deployment", "api", 5, "load is high");
    a.createPod(pod("warm-0", true), "headroom");
    assertThat(a.evictPod("web", "p", "move back")).isFalse();
    a.deletePod("web", "p", "x");
    a.taintNode("n", new Taint("k", "", TaintEffect.NO_SCHEDULE), true);
    a.setPodDeletionCost("web", "p", -1, "on ACI");

    assertThat(cluster.calls).isEmpty();
    assertThat(decisions).hasSize(6).allSatisfy(d -> assertThat(d.outcome()).isEqualTo(Outcome.DRY_RUN));
    assertThat(decisions.get(0).format()).contains("test [would] scale Deployment/web/api to 5 -- because load is high");
  }

  @Test
  @DisplayName("bounds: other namespaces refused; at most N pods moved a minute, placeholders not counted; taints off")
  void boundsStopActions() {
    List<Pod> pods = List.of(pod("a", false), pod("b", false), pod("c", false), pod("warm-0", true));
    GatedActions a = gated(Mode.ACTING, 1_000, pods);
    a.scale("kube-system", "Deployment", "coredns", 9, "x");
    assertThat(a.evictPod("web", "a", "x")).isTrue();
    a.deletePod("web", "b", "x");
    assertThat(a.evictPod("web", "c", "x")).isFalse();          // third move within the minute
    a.deletePod("web", "warm-0", "x");                            // own placeholder: not a move
    a.taintNode("n", new Taint("k", "", TaintEffect.NO_SCHEDULE), true);

    assertThat(cluster.calls).containsExactly("evict web/a", "delete web/b", "delete web/warm-0");
    assertThat(decisions).extracting(Decision::outcome).containsExactly(
        Outcome.REFUSED, Outcome.APPLIED, Outcome.APPLIED, Outcome.REFUSED, Outcome.APPLIED, Outcome.REFUSED);

    // A minute later the budget is back.
    assertThat(gated(Mode.ACTING, 61_001, pods).evictPod("web", "c", "x")).isTrue();
  }

  @Test
  @DisplayName("a PDB's 'not now' is deferred, not failed; an API error is failed and counted by the guard")
  void deferredAndFailed() {
    cluster.evictionAllowed = false;
    GatedActions a = gated(Mode.ACTING, 0, List.of(pod("a", false)));
    assertThat(a.evictPod("web", "a", "x")).isFalse();
    cluster.failWith = new IllegalStateException("boom");
    a.scale("web", "Deployment", "api", 2, "x");
    a.scale("web", "Deployment", "api", 2, "x");
    assertThat(guard.tripped()).isFalse();
    a.scale("web", "Deployment", "api", 2, "x");

    assertThat(decisions).extracting(Decision::outcome)
        .containsExactly(Outcome.DEFERRED, Outcome.FAILED, Outcome.FAILED, Outcome.FAILED);
    assertThat(guard.tripped()).isTrue();
    assertThat(guard.reason()).contains("3 API errors in a row", "boom");
  }

  @Test
  @DisplayName("guard: an action whose effect does not show within the timeout stops acting")
  void guardTripsOnUnmetExpectation() {
    gated(Mode.ACTING, 0, List.of()).scale("web", "Deployment", "api", 5, "x");
    Workload stillTwo = new Workload("Deployment", "web", "api", "", 2, io.hns.model.cluster.LabelSelector.EVERYTHING,
        Labels.EMPTY, Labels.EMPTY, PodSpec.builder().build(), null);

    guard.observe(LiveSnapshot.of(30_000, List.of(), List.of(), List.of(stillTwo)));
    assertThat(guard.tripped()).isFalse();
    guard.observe(LiveSnapshot.of(60_000, List.of(), List.of(), List.of(stillTwo)));
    assertThat(guard.tripped()).isTrue();
    assertThat(guard.reason()).contains("Deployment web/api at 5 replicas");
  }

  @Test
  @DisplayName("guard: an effect seen in time clears the expectation")
  void guardClearsMetExpectation() {
    gated(Mode.ACTING, 0, List.of()).scale("web", "Deployment", "api", 5, "x");
    Workload five = new Workload("Deployment", "web", "api", "", 5, io.hns.model.cluster.LabelSelector.EVERYTHING,
        Labels.EMPTY, Labels.EMPTY, PodSpec.builder().build(), null);
    guard.observe(LiveSnapshot.of(5_000, List.of(), List.of(), List.of(five)));
    guard.observe(LiveSnapshot.of(600_000, List.of(), List.of(), List.of()));
    assertThat(guard.tripped()).isFalse();
    assertThat(guard.pendingExpectations()).isZero();
  }
}
