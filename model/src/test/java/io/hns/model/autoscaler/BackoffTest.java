package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.MINUTE;
import static io.hns.model.autoscaler.Fixtures.T0;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.pending;
import static io.hns.model.autoscaler.Fixtures.spec;
import static io.hns.model.autoscaler.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Node;
import io.hns.model.port.NodeGroupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Node group backoff after failed scale-ups, and nodes that never arrive. */
class BackoffTest {
  private static final long HOUR = 60 * MINUTE;

  private static NodeGroupException quota() {
    return new NodeGroupException(NodeGroupException.ErrorClass.OUT_OF_RESOURCES, "QuotaExceeded",
        "Operation could not be completed as it results in exceeding approved standardDv5Family Cores quota");
  }

  /**
   * exponential_backoff.go with the AKS flags (5 min initial, 30 min max): every refused
   * increaseSize backs the group off, and each retry after the backoff expired doubles it, up to 30
   * min. Loops every 10 s, so retries land exactly when the backoff ends.
   */
  @Test
  void quotaFailuresBackOffFiveTenTwentyThenThirtyMinutes() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 2000, 8 * GI));
    for (int i = 0; i < 10; i++) {
      pool.increaseFailures.add(quota());
    }
    h.pod(pending("web-0", spec(500, GI), WEB));

    List<Long> attempts = new ArrayList<>();
    for (long t = T0; t <= T0 + 100 * MINUTE; t += Harness.SCAN) {
      int before = pool.increaseCalls.size();
      h.loopAt(t);
      if (pool.increaseCalls.size() > before) {
        attempts.add(t - T0);
      }
    }

    assertThat(attempts).containsExactly(0L, 5 * MINUTE, 15 * MINUTE, 35 * MINUTE, 65 * MINUTE, 95 * MINUTE);
    AutoscalerStatus.Backoff b = h.ca.status().backoff().get("pool");
    assertThat(b.durationMs()).isEqualTo(30 * MINUTE);
    assertThat(b.until()).isEqualTo(T0 + 125 * MINUTE);
    assertThat(b.errorCode()).isEqualTo("QuotaExceeded");
    assertThat(h.actions.events(AutoscalerEvents.FAILED_TO_SCALE_UP_GROUP)).hasSize(6)
        .allMatch(e -> e.type().equals("Warning") && e.message().startsWith("Scale-up failed for group pool: QuotaExceeded"));
    // While backed off the pod hears why (skippedreasons.go BackoffReason).
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).last()
        .extracting(FakeClusterActions.Event::message)
        .isEqualTo("pod didn't trigger scale-up: 1 in backoff after failed scale-up");
  }

  /** The backoff arithmetic itself, including RemoveStaleBackoffData after 3 h without failure. */
  @Test
  void backoffDoublesCapsAndResetsAfterThreeHours() {
    NodeGroupBackoff b = new NodeGroupBackoff(5 * MINUTE, 30 * MINUTE, 3 * HOUR);
    NodeGroupException.ErrorClass c = NodeGroupException.ErrorClass.OTHER;

    assertThat(b.backoff("g", c, "x", T0)).isEqualTo(T0 + 5 * MINUTE);
    assertThat(b.isBackedOff("g", T0 + 5 * MINUTE - 1)).isTrue();
    assertThat(b.isBackedOff("g", T0 + 5 * MINUTE)).isFalse();
    // A failure while still backed off restarts at the initial duration (upstream guard).
    assertThat(b.backoff("g", c, "x", T0 + MINUTE)).isEqualTo(T0 + 6 * MINUTE);
    assertThat(b.backoff("g", c, "x", T0 + 6 * MINUTE)).isEqualTo(T0 + 16 * MINUTE);
    assertThat(b.backoff("g", c, "x", T0 + 16 * MINUTE)).isEqualTo(T0 + 36 * MINUTE);
    assertThat(b.backoff("g", c, "x", T0 + 36 * MINUTE)).isEqualTo(T0 + 66 * MINUTE);

    b.removeStale(T0 + 36 * MINUTE + 3 * HOUR);
    assertThat(b.entries()).containsKey("g");
    b.removeStale(T0 + 36 * MINUTE + 3 * HOUR + 1);
    assertThat(b.entries()).isEmpty();
    assertThat(b.backoff("g", c, "x", T0 + 5 * HOUR)).isEqualTo(T0 + 5 * HOUR + 5 * MINUTE);
  }

  /**
   * clusterstate.go updateScaleRequests + static_autoscaler.go removeOldUnregisteredNodes: nodes
   * not registered within max-node-provision-time (15 min, strictly exceeded) fail the scale-up: an
   * event, the group backed off, the instances deleted. Until then they are upcoming and no other
   * node is requested. With the first group backed off, the next scale-up goes to the other group
   * (upstream FAQ: "other group may be tried").
   */
  @Test
  void nodesNotRegisteredWithinFifteenMinutesFailTheScaleUp() {
    Harness h = new Harness(AutoscalerConfig.aksDefaults()
        .withExpander(AutoscalerConfig.ExpanderKind.PRIORITY, Map.of("^a$", 20, "^b$", 10)));
    FakeNodeGroup a = h.group("a", 0, 10, vm("a-template", 2000, 8 * GI));
    FakeNodeGroup b = h.group("b", 0, 10, vm("b-template", 2000, 8 * GI));
    h.pod(pending("web-0", spec(500, GI), WEB));

    h.loops(T0, T0 + 15 * MINUTE);
    assertThat(a.increaseCalls).containsExactly(1);
    assertThat(a.deleteCalls).isEmpty();
    assertThat(b.increaseCalls).isEmpty();

    h.loopAt(T0 + 15 * MINUTE + Harness.SCAN);
    assertThat(a.deleteCalls).containsExactly(List.of("a-new-0"));
    assertThat(h.ca.status().backoffUntil("a")).isEqualTo(T0 + 15 * MINUTE + Harness.SCAN + 5 * MINUTE);
    assertThat(h.actions.events(AutoscalerEvents.SCALE_UP_TIMED_OUT)).extracting(FakeClusterActions.Event::message)
        .containsExactly("Nodes added to group a failed to register within 15m10s");
    assertThat(h.actions.events(AutoscalerEvents.DELETE_UNREGISTERED)).hasSize(1);
    assertThat(b.increaseCalls).isEmpty();

    h.loopAt(T0 + 15 * MINUTE + 2 * Harness.SCAN);
    assertThat(b.increaseCalls).containsExactly(1);
    assertThat(a.increaseCalls).containsExactly(1);
  }

  /**
   * clusterstate.go handleInstanceCreationErrors + deleteCreatedNodesWithErrors: an instance the
   * cloud reports failed is deleted and its group backed off (out-of-resources class, as Azure's
   * failed-provisioning VMs).
   */
  @Test
  void failedInstancesAreDeletedAndTheGroupBackedOff() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 2000, 8 * GI));
    h.pod(pending("web-0", spec(500, GI), WEB));
    h.loopAt(T0);
    assertThat(pool.creating()).containsExactly("pool-new-0");

    pool.failInstance("pool-new-0", "AllocationFailed", "Allocation failed. We do not have sufficient capacity");
    h.loopAt(T0 + 2 * MINUTE);

    assertThat(pool.deleteCalls).containsExactly(List.of("pool-new-0"));
    assertThat(h.actions.events(AutoscalerEvents.SCALE_UP_FAILED)).extracting(FakeClusterActions.Event::message)
        .containsExactly("Failed adding 1 nodes to group pool due to AllocationFailed; "
            + "source errors: Allocation failed. We do not have sufficient capacity");
    AutoscalerStatus.Backoff b = h.ca.status().backoff().get("pool");
    assertThat(b.until()).isEqualTo(T0 + 7 * MINUTE);
    assertThat(b.errorClass()).isEqualTo("OUT_OF_RESOURCES");
  }

  /**
   * clusterstate.go: a scale-up whose nodes all registered and became Ready finished successfully,
   * which removes the group's backoff data (RemoveBackoff), so the next failure starts at 5 min.
   */
  @Test
  void aCompletedScaleUpResetsTheBackoff() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 2000, 8 * GI));
    pool.increaseFailures.add(quota());
    h.pod(pending("web-0", spec(500, GI), WEB));

    h.loopAt(T0);
    assertThat(h.ca.status().backoff()).containsKey("pool");
    h.loopAt(T0 + 5 * MINUTE);
    assertThat(pool.increaseCalls).hasSize(2);
    assertThat(h.ca.status().backoff().get("pool").durationMs()).isEqualTo(5 * MINUTE);

    // The VM boots and registers Ready; the pod gets scheduled onto it.
    String name = pool.creating().get(0);
    pool.finishCreating(name);
    Node node = vm(name, 2000, 8 * GI);
    h.view.nodes.add(node);
    h.view.removePod("web-0");
    h.loopAt(T0 + 7 * MINUTE);

    assertThat(h.ca.status().backoff()).doesNotContainKey("pool");
    assertThat(h.ca.status().upcomingNodes()).containsEntry("pool", 0);
  }
}
