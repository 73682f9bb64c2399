package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.MINUTE;
import static io.hns.model.autoscaler.Fixtures.T0;
import static io.hns.model.autoscaler.Fixtures.TOLERATES_VIRTUAL;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.pending;
import static io.hns.model.autoscaler.Fixtures.running;
import static io.hns.model.autoscaler.Fixtures.spec;
import static io.hns.model.autoscaler.Fixtures.virtualNode;
import static io.hns.model.autoscaler.Fixtures.vm;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scale-down: which nodes are unneeded, when they go, and how they are drained. */
class ScaleDownTest {
  private static final long TEN_MIN = 10 * MINUTE;
  private static final long SCAN = Harness.SCAN;

  /**
   * A group "pool" (min 1) with a 16-core node "big" 75% used (4 cores free, never a candidate)
   * and a 4-core node "n2" that the test fills.
   */
  private static Harness cluster(int minSize) {
    Harness h = new Harness();
    FakeNodeGroup pool = h.group("pool", minSize, 5, vm("pool-template", 4000, 16 * GI));
    h.node(pool, vm("big", 16000, 64 * GI));
    h.pod(running("big-load", "big", spec(12000, 8 * GI), WEB));
    h.node(pool, vm("n2", 4000, 16 * GI));
    return h;
  }

  private static FakeNodeGroup pool(Harness h) {
    return (FakeNodeGroup) h.view.groups.get(0);
  }

  private static Pod onN2(String name, PodSpec spec) {
    return running(name, "n2", spec, WEB);
  }

  private static boolean tainted(Harness h, String node) {
    return h.actions.taints.stream().anyMatch(t -> t.node().equals(node) && t.add());
  }

  /**
   * unneeded/nodes.go RemovableAt: a Ready node goes once it has been unneeded for longer than
   * scale-down-unneeded-time ({@code since + 10m before now}, strict), so with 10 s loops the
   * first deletion is at since + 10 min 10 s. Empty nodes are deleted at once (ScaleDownEmpty).
   */
  @Test
  void anEmptyNodeGoesAfterTenMinutesUnneededNotBefore() {
    Harness h = cluster(1);

    h.loops(T0, T0 + TEN_MIN);
    assertThat(pool(h).deleteCalls).isEmpty();
    assertThat(h.ca.status().unneededSince()).containsExactly(java.util.Map.entry("n2", T0));

    h.loopAt(T0 + TEN_MIN + SCAN);
    assertThat(pool(h).deleteCalls).containsExactly(List.of("n2"));
    assertThat(h.actions.taints).singleElement().satisfies(t -> {
      assertThat(t.node()).isEqualTo("n2");
      assertThat(t.taint().key()).isEqualTo("ToBeDeletedByClusterAutoscaler");
      assertThat(t.add()).isTrue();
    });
    assertThat(h.actions.events(AutoscalerEvents.SCALE_DOWN_EMPTY)).extracting(FakeClusterActions.Event::message)
        .containsExactly("Scale-down: removing empty node \"n2\"");
    assertThat(h.actions.events(AutoscalerEvents.SCALE_DOWN)).extracting(FakeClusterActions.Event::message)
        .contains("node removed by cluster autoscaler");
    assertThat(h.ca.status().lastScaleDownDelete()).isEqualTo(T0 + TEN_MIN + SCAN);
    assertThat(h.ca.status().unneededSince()).isEmpty();
  }

  /**
   * static_autoscaler.go isScaleDownInCooldown: no deletion while lastScaleUp + 10 min is after
   * now, even for a node unneeded long enough; unneeded tracking goes on meanwhile.
   */
  @Test
  void noScaleDownWithinTenMinutesOfAScaleUp() {
    Harness h = cluster(1);
    // The pool's template is its Ready node "big" (16 cores): only "large" can take 20 cores.
    FakeNodeGroup large = h.group("large", 0, 3, vm("large-template", 32000, 128 * GI));
    h.loops(T0, T0 + 9 * MINUTE - SCAN);

    h.pod(pending("huge", spec(20000, GI), WEB));
    h.loopAt(T0 + 9 * MINUTE);
    assertThat(large.increaseCalls).containsExactly(1);

    h.loops(T0 + 9 * MINUTE + SCAN, T0 + 19 * MINUTE - SCAN);
    assertThat(pool(h).deleteCalls).isEmpty();
    assertThat(h.ca.status().scaleDownInCooldown()).isTrue();
    assertThat(h.ca.status().unneededSince()).containsEntry("n2", T0);

    h.loopAt(T0 + 19 * MINUTE);
    assertThat(pool(h).deleteCalls).containsExactly(List.of("n2"));
  }

  /** eligibility.go isNodeBelowUtilizationThreshold: utilization >= 0.5 is not underutilized. */
  @Test
  void utilizationThresholdIsStrict() {
    Harness atHalf = cluster(1);
    atHalf.pod(onN2("half", spec(2000, GI)));
    atHalf.loops(T0, T0 + 11 * MINUTE);
    assertThat(atHalf.ca.status().unneededSince()).isEmpty();
    assertThat(pool(atHalf).deleteCalls).isEmpty();

    Harness below = cluster(1);
    below.pod(onN2("almost-half", spec(1999, GI)));
    below.loopAt(T0);
    assertThat(below.ca.status().unneededSince()).containsOnlyKeys("n2");
  }

  /** drainability rules/replicated: a pod without a controller blocks its node's removal. */
  @Test
  void aPodWithoutControllerBlocksScaleDown() {
    Harness bare = cluster(1);
    bare.pod(running("bare", "n2", spec(500, GI), null));
    bare.loops(T0, T0 + 11 * MINUTE);
    assertThat(bare.ca.status().unneededSince()).isEmpty();
    assertThat(tainted(bare, "n2")).isFalse();

    Harness owned = cluster(1);
    owned.pod(onN2("owned", spec(500, GI)));
    owned.loopAt(T0);
    assertThat(owned.ca.status().unneededSince()).containsOnlyKeys("n2");
  }

  /**
   * rules/notsafetoevict: safe-to-evict "false" blocks; rules/safetoevict: "true" makes even a bare
   * pod movable.
   */
  @Test
  void safeToEvictAnnotation() {
    Harness blocked = cluster(1);
    blocked.pod(onN2("pinned", spec(500, GI)).toBuilder()
        .annotations(Labels.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false")).build());
    blocked.loops(T0, T0 + 11 * MINUTE);
    assertThat(blocked.ca.status().unneededSince()).isEmpty();
    assertThat(tainted(blocked, "n2")).isFalse();

    Harness allowed = cluster(1);
    allowed.pod(running("bare-but-safe", "n2", spec(500, GI), null).toBuilder()
        .annotations(Labels.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "true")).build());
    allowed.loopAt(T0);
    assertThat(allowed.ca.status().unneededSince()).containsOnlyKeys("n2");
  }

  /** rules/system with skip-nodes-with-system-pods=true: a kube-system pod (no PDB) blocks. */
  @Test
  void aKubeSystemPodBlocks() {
    Harness h = cluster(1);
    h.pod(Pod.builder("kube-system", "coredns-1", spec(100, 70 * Fixtures.MI))
        .owner(new io.hns.model.cluster.OwnerRef("ReplicaSet", "coredns-7d", "uid-coredns"))
        .nodeName("n2").phase(io.hns.model.cluster.PodPhase.RUNNING).build());
    h.loops(T0, T0 + 11 * MINUTE);
    assertThat(h.ca.status().unneededSince()).isEmpty();
  }

  /** rules/localstorage is skipped on AKS (skip-nodes-with-local-storage=false) and blocks upstream. */
  @Test
  void localStorageBlocksOnlyWhenConfigured() {
    PodSpec.Builder b = PodSpec.builder().requests(500, GI);
    b.usesLocalStorage = true;
    PodSpec withEmptyDir = b.build();

    Harness aks = cluster(1);
    aks.pod(onN2("cache", withEmptyDir));
    aks.loopAt(T0);
    assertThat(aks.ca.status().unneededSince()).containsOnlyKeys("n2");

    Harness upstream = new Harness(AutoscalerConfig.aksDefaults().withSkipNodesWithLocalStorage(true));
    FakeNodeGroup pool = upstream.group("pool", 1, 5, vm("pool-template", 4000, 16 * GI));
    upstream.node(pool, vm("big", 16000, 64 * GI));
    upstream.pod(running("big-load", "big", spec(12000, 8 * GI), WEB));
    upstream.node(pool, vm("n2", 4000, 16 * GI));
    upstream.pod(onN2("cache", withEmptyDir));
    upstream.loopAt(T0);
    assertThat(upstream.ca.status().unneededSince()).isEmpty();
  }

  /**
   * actuator.go / drain.go: a node with pods is tainted, its pods evicted, and once they are gone
   * the node is deleted; ScaleDown events on the status object and the node.
   */
  @Test
  void aNodeWithPodsIsTaintedDrainedThenDeleted() {
    Harness h = cluster(1);
    h.pod(onN2("a", spec(500, GI)));
    h.pod(onN2("b", spec(500, GI)));

    h.loops(T0, T0 + TEN_MIN + SCAN);
    assertThat(tainted(h, "n2")).isTrue();
    assertThat(h.actions.evictions).containsExactly("a", "b");
    assertThat(pool(h).deleteCalls).isEmpty();
    assertThat(h.ca.status().drainingNode()).isEqualTo("n2");
    assertThat(h.actions.events(AutoscalerEvents.SCALE_DOWN)).extracting(FakeClusterActions.Event::message)
        .anyMatch(m -> m.startsWith("Scale-down: removing node n2, utilization: {cpu:0.250")
            && m.endsWith("pods to reschedule: default/a,default/b"));

    // The pods terminate; their ReplicaSet recreates them on "big".
    h.view.removePod("a");
    h.view.removePod("b");
    h.pod(running("a2", "big", spec(500, GI), WEB));
    h.pod(running("b2", "big", spec(500, GI), WEB));
    h.loopAt(T0 + TEN_MIN + 2 * SCAN);

    assertThat(pool(h).deleteCalls).containsExactly(List.of("n2"));
    assertThat(h.actions.events).contains(new FakeClusterActions.Event("Node/n2", "Normal", "ScaleDown",
        "node removed by cluster autoscaler"));
    assertThat(h.ca.status().drainingNode()).isNull();
  }

  /**
   * drain.go: an eviction refused by a PodDisruptionBudget (HTTP 429) stops this round and is
   * retried on the next loop; after MaxPodEvictionTime (2 min) the drain fails, the node is
   * untainted, ScaleDownFailed is recorded and scale-down waits scale-down-delay-after-failure.
   */
  @Test
  void aPdbRefusalStopsTheDrain() {
    Harness h = cluster(1);
    h.pod(onN2("a", spec(500, GI)));
    h.pod(onN2("b", spec(500, GI)));
    h.actions.evictionAllowed = name -> !name.equals("a");
    long start = T0 + TEN_MIN + SCAN;

    h.loops(T0, start);
    assertThat(tainted(h, "n2")).isTrue();
    assertThat(h.actions.refusedEvictions).containsExactly("a");
    assertThat(h.actions.evictions).isEmpty();

    h.loopAt(start + SCAN);
    assertThat(h.actions.refusedEvictions).containsExactly("a", "a");
    assertThat(pool(h).deleteCalls).isEmpty();

    h.loops(start + 2 * SCAN, start + 2 * MINUTE - SCAN);
    assertThat(h.actions.taints).noneMatch(t -> !t.add());

    h.loopAt(start + 2 * MINUTE);
    assertThat(h.actions.taints).last().satisfies(t -> {
      assertThat(t.node()).isEqualTo("n2");
      assertThat(t.add()).isFalse();
    });
    assertThat(h.actions.events(AutoscalerEvents.SCALE_DOWN_FAILED)).singleElement()
        .satisfies(e -> assertThat(e.objectRef()).isEqualTo("Node/n2"));
    assertThat(h.ca.status().lastScaleDownFailure()).isEqualTo(start + 2 * MINUTE);
    assertThat(h.ca.status().drainingNode()).isNull();
    assertThat(pool(h).deleteCalls).isEmpty();

    int taintsBefore = h.actions.taints.size();
    h.loops(start + 2 * MINUTE + SCAN, start + 5 * MINUTE);
    assertThat(h.actions.taints).hasSize(taintsBefore);
  }

  /**
   * Azure NodeGroupForNode returns nil for the virtual node, so it is never a scale-down candidate
   * however empty, while its pods and capacity stay in the simulation.
   */
  @Test
  void theVirtualNodeIsNeverACandidate() {
    Harness h = cluster(1);
    h.node(virtualNode());
    h.pod(onN2("busy", spec(2400, GI)));

    h.loops(T0, T0 + 30 * MINUTE);

    assertThat(h.ca.status().unneededSince()).isEmpty();
    assertThat(h.actions.taints).isEmpty();
    assertThat(pool(h).deleteCalls).isEmpty();
  }

  /**
   * simulator/cluster.go findPlaceFor: a drained pod may land on any Ready node that passes the
   * filters, the virtual node included when the pod tolerates it.
   */
  @Test
  void podsMayMoveToTheVirtualNodeWhenTheyTolerateIt() {
    Harness tolerating = cluster(1);
    tolerating.pod(running("fill-big", "big", spec(4000, GI), WEB));
    tolerating.node(virtualNode());
    tolerating.pod(onN2("burstable", spec(500, GI, TOLERATES_VIRTUAL)));
    tolerating.loopAt(T0);
    assertThat(tolerating.ca.status().unneededSince()).containsOnlyKeys("n2");

    Harness plain = cluster(1);
    plain.pod(running("fill-big", "big", spec(4000, GI), WEB));
    plain.node(virtualNode());
    plain.pod(onN2("vm-only", spec(500, GI)));
    plain.loopAt(T0);
    assertThat(plain.ca.status().unneededSince()).isEmpty();
  }

  /**
   * scaledowncandidates pre-filtering and unneeded.go verifyMinSize: a group never goes below its
   * minimum, also when several of its nodes are removable in the same loop.
   */
  @Test
  void minSizeIsRespected() {
    Harness h = cluster(2);
    FakeNodeGroup pool = pool(h);
    h.node(pool, vm("n3", 4000, 16 * GI));

    h.loops(T0, T0 + 15 * MINUTE);

    assertThat(h.ca.status().unneededSince()).isEmpty();
    assertThat(pool.deleteCalls).containsExactly(List.of("n2"));
  }

  /** eligibility.go HasNoScaleDownAnnotation. */
  @Test
  void scaleDownDisabledAnnotationProtectsANode() {
    Harness h = cluster(1);
    h.view.nodes.removeIf(n -> n.name().equals("n2"));
    Node n2 = vm("n2", 4000, 16 * GI);
    h.view.nodes.add(new Node(n2.name(), n2.labels(),
        Labels.of("cluster-autoscaler.kubernetes.io/scale-down-disabled", "true"), n2.taints(), n2.capacity(),
        n2.allocatable(), false, true, n2.providerId(), n2.creationTime(), n2.imageSizes()));

    h.loops(T0, T0 + 15 * MINUTE);

    assertThat(h.ca.status().unneededSince()).isEmpty();
    assertThat(pool(h).deleteCalls).isEmpty();
  }

  /** unneeded/nodes.go: a NotReady node goes after scale-down-unready-time (20 min) instead. */
  @Test
  void anUnreadyNodeGoesAfterTwentyMinutes() {
    Harness h = cluster(1);
    h.view.nodes.replaceAll(n -> n.name().equals("n2") ? n.withReady(false) : n);

    h.loops(T0, T0 + 20 * MINUTE);
    assertThat(pool(h).deleteCalls).isEmpty();
    assertThat(h.ca.status().unneededSince()).containsOnlyKeys("n2");

    h.loopAt(T0 + 20 * MINUTE + SCAN);
    assertThat(pool(h).deleteCalls).containsExactly(List.of("n2"));
  }
}
