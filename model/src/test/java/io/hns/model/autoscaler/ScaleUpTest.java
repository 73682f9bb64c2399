package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.T0;
import static io.hns.model.autoscaler.Fixtures.TOLERATES_VIRTUAL;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.pending;
import static io.hns.model.autoscaler.Fixtures.running;
import static io.hns.model.autoscaler.Fixtures.spec;
import static io.hns.model.autoscaler.Fixtures.virtualNode;
import static io.hns.model.autoscaler.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import org.junit.jupiter.api.Test;

/** Scale-up: which pending pods trigger it, how many nodes, and the events. */
class ScaleUpTest {

  /** A group "pool" (max 5) with one 2-core node already full, and the virtual node. */
  private static Harness fullPoolWithVirtualNode() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 1, 5, vm("pool-template", 2000, 8 * GI));
    h.node(pool, vm("pool-0", 2000, 8 * GI));
    h.pod(running("busy", "pool-0", spec(2000, 4 * GI), WEB));
    h.node(virtualNode());
    return h;
  }

  /**
   * The hybrid pitfall. static_autoscaler.go runs filterOutSchedulable over every Ready node,
   * including the virtual node, which Azure's NodeGroupForNode leaves out of every group: a pending
   * pod that tolerates the virtual node "fits" there, so CA never scales the VM pool for it.
   */
  @Test
  void pendingPodThatFitsTheVirtualNodeDoesNotTriggerScaleUp() {
    Harness h = fullPoolWithVirtualNode();
    h.pod(pending("burst", spec(500, GI, TOLERATES_VIRTUAL), WEB));

    h.loopAt(T0);

    FakeNodeGroup pool = (FakeNodeGroup) h.view.groups.get(0);
    assertThat(pool.increaseCalls).isEmpty();
    assertThat(h.actions.events(AutoscalerEvents.TRIGGERED_SCALE_UP)).isEmpty();
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).isEmpty();
  }

  /** The same pod without the toleration fits nowhere but on a new pool node: one node is added. */
  @Test
  void theSamePodWithoutTolerationTriggersScaleUp() {
    Harness h = fullPoolWithVirtualNode();
    h.pod(pending("vm-only", spec(500, GI), WEB));

    h.loopAt(T0);

    FakeNodeGroup pool = (FakeNodeGroup) h.view.groups.get(0);
    assertThat(pool.increaseCalls).containsExactly(1);
    assertThat(h.actions.events(AutoscalerEvents.TRIGGERED_SCALE_UP))
        .containsExactly(new FakeClusterActions.Event("Pod/default/vm-only", "Normal",
            "TriggeredScaleUp", "pod triggered scale-up: [{pool 1->2 (max: 5)}]"));
    assertThat(h.actions.events(AutoscalerEvents.SCALED_UP_GROUP)).extracting(FakeClusterActions.Event::message)
        .containsExactly("Scale-up: setting group pool size to 2 instead of 1 (max: 5)",
            "Scale-up: group pool size set to 2 instead of 1 (max: 5)");
    assertThat(h.actions.events(AutoscalerEvents.SCALED_UP_GROUP)).allMatch(
        e -> e.objectRef().equals("ConfigMap/kube-system/cluster-autoscaler-status"));
    assertThat(h.ca.status().lastScaleUp()).isEqualTo(T0);
  }

  /**
   * binpacking_estimator.go, first-fit: 7 pods of 600m on a 1900m template go 3 + 3 + 1, so 3
   * nodes (1800m of 1900m fills a node; a 4th pod would need 2400m).
   */
  @Test
  void sevenPodsOf600mOnA1900mTemplateNeedThreeNodes() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 1900, 8 * GI));
    PodSpec s = spec(600, 256 * Fixtures.MI);
    for (int i = 0; i < 7; i++) {
      h.pod(pending("web-" + i, s, WEB));
    }

    h.loopAt(T0);

    assertThat(pool.increaseCalls).containsExactly(3);
    assertThat(h.actions.events(AutoscalerEvents.TRIGGERED_SCALE_UP)).hasSize(7)
        .allMatch(e -> e.message().equals("pod triggered scale-up: [{pool 0->3 (max: 10)}]"));
  }

  /**
   * The estimation limiter caps the count at the group's headroom (max − target), and only the pods
   * the capped nodes hold are "triggered". Next loop the upcoming nodes hold two pods; the group,
   * now at max, is skipped with skippedreasons.go's "max node group size reached", which the other
   * pods get as NotTriggerScaleUp.
   */
  @Test
  void maxSizeCapsTheScaleUpThenMaxNodeGroupSizeReached() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 3, vm("pool-template", 2000, 8 * GI));
    h.node(pool, vm("pool-0", 2000, 8 * GI));
    h.pod(running("busy", "pool-0", spec(2000, GI), WEB));
    for (int i = 0; i < 5; i++) {
      h.pod(pending("big-" + i, spec(1500, GI), WEB));
    }

    h.loopAt(T0);
    assertThat(pool.increaseCalls).containsExactly(2);
    assertThat(h.actions.events(AutoscalerEvents.TRIGGERED_SCALE_UP)).hasSize(2)
        .allMatch(e -> e.message().equals("pod triggered scale-up: [{pool 1->3 (max: 3)}]"));
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).isEmpty();

    h.actions.clear();
    h.loopAt(T0 + Harness.SCAN);
    assertThat(pool.increaseCalls).containsExactly(2);
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).hasSize(3)
        .allMatch(e -> e.message().equals("pod didn't trigger scale-up: 1 max node group size reached"));
  }

  /**
   * clusterstate.go GetUpcomingNodes + orchestrator UpcomingNodes: nodes asked for and not yet Ready
   * enter the simulation as template copies, so the pods waiting for them do not trigger a second
   * scale-up while the VMs boot.
   */
  @Test
  void upcomingNodesCountAgainstNewScaleUps() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 2000, 8 * GI));
    for (int i = 0; i < 3; i++) {
      h.pod(pending("big-" + i, spec(1500, GI), WEB));
    }
    h.loopAt(T0);
    assertThat(pool.increaseCalls).containsExactly(3);

    h.actions.clear();
    h.loops(T0 + Harness.SCAN, T0 + 5 * Fixtures.MINUTE);

    assertThat(pool.increaseCalls).containsExactly(3);
    assertThat(h.ca.status().upcomingNodes()).containsEntry("pool", 3);
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).isEmpty();

    // One more pod than the upcoming nodes hold: exactly one more node.
    h.pod(pending("big-3", spec(1500, GI), WEB));
    h.loopAt(T0 + 5 * Fixtures.MINUTE + Harness.SCAN);
    assertThat(pool.increaseCalls).containsExactly(3, 1);
  }

  /**
   * Pods a template rejects get the scheduler's filter reasons, aggregated over groups
   * (eventing_scale_up_processor.go ReasonsMessage), together with skipped groups' reasons.
   */
  @Test
  void podNoGroupCanHelpGetsAggregatedReasons() {
    Harness h = new Harness();
    Taint gpuTaint = new Taint("sku", "gpu", TaintEffect.NO_SCHEDULE);
    h.group("gpu", 0, 3, vm("gpu-template", 8000, 32 * GI, gpuTaint));
    FakeNodeGroup full = h.group("full", 0, 1, vm("full-template", 2000, 8 * GI));
    h.node(full, vm("full-0", 2000, 8 * GI));
    h.pod(running("busy", "full-0", spec(2000, GI), WEB));
    h.pod(pending("plain", spec(500, GI), WEB));

    h.loopAt(T0);

    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).extracting(FakeClusterActions.Event::message)
        .containsExactly("pod didn't trigger scale-up: 1 max node group size reached, "
            + "1 node(s) had untolerated taint {sku: gpu}");
  }

  /** static_autoscaler.go: pods below expendable-pods-priority-cutoff (−10) never trigger scale-up. */
  @Test
  void expendablePodsAreIgnored() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 2000, 8 * GI));
    PodSpec.Builder b = PodSpec.builder().requests(500, GI);
    b.priority = -11;
    h.pod(pending("overprovisioning", b.build(), new OwnerRef("ReplicaSet", "pause", "uid-pause")));

    h.loopAt(T0);

    assertThat(pool.increaseCalls).isEmpty();
    assertThat(h.actions.events).isEmpty();
  }

  /**
   * GetCappedNewNodeCount / cluster_capacity_threshold.go: max-nodes-total bounds the estimate, and
   * once reached, pods get "max total nodes in cluster reached".
   */
  @Test
  void maxNodesTotalCapsTheScaleUp() {
    Harness h = new Harness(AutoscalerConfig.aksDefaults().withMaxNodesTotal(3));
    FakeNodeGroup pool = h.group("pool", 0, 10, vm("pool-template", 2000, 8 * GI));
    h.node(pool, vm("pool-0", 2000, 8 * GI));
    h.pod(running("busy", "pool-0", spec(2000, GI), WEB));
    for (int i = 0; i < 4; i++) {
      h.pod(pending("big-" + i, spec(1500, GI), WEB));
    }

    h.loopAt(T0);
    assertThat(pool.increaseCalls).containsExactly(2);

    h.actions.clear();
    h.loopAt(T0 + Harness.SCAN);
    assertThat(pool.increaseCalls).containsExactly(2);
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).hasSize(2)
        .allMatch(e -> e.message().equals("pod didn't trigger scale-up: max total nodes in cluster reached"));
  }

  /**
   * The template of a group with a Ready node is that node, sanitized, with its DaemonSet pods
   * (mixed_nodeinfos_processor.go): a 1500m pod does not fit a 2000m node whose DaemonSet takes
   * 600m, so no group can help it.
   */
  @Test
  void templateFromAReadyNodeCarriesItsDaemonSetPods() {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", 0, 5, vm("pool-template", 2000, 8 * GI));
    h.node(pool, vm("pool-0", 2000, 8 * GI));
    h.pod(running("kube-proxy-0", "pool-0", spec(600, 128 * Fixtures.MI),
        new OwnerRef("DaemonSet", "kube-proxy", "uid-kp")));
    h.pod(running("busy", "pool-0", spec(1400, GI), WEB));
    h.pod(pending("big", spec(1500, GI), WEB));

    h.loopAt(T0);

    assertThat(pool.increaseCalls).isEmpty();
    assertThat(h.actions.events(AutoscalerEvents.NOT_TRIGGER_SCALE_UP)).extracting(FakeClusterActions.Event::message)
        .containsExactly("pod didn't trigger scale-up: 1 Insufficient cpu");
  }
}
