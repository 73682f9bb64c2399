package io.hns.model.replicaset;

import static io.hns.model.replicaset.TestPods.NOW;
import static io.hns.model.replicaset.TestPods.plain;
import static io.hns.model.replicaset.TestPods.running;
import static io.hns.model.replicaset.TestPods.withCost;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** k8s pkg/controller/replicaset/replica_set.go manageReplicas and getPodsToDelete. */
class ReplicaSetScaleDownTest {
  static final String VM_NODE = "aks-agentpool-24758537-vmss000000";
  static final String ACI_NODE = "virtual-node-aci-linux";

  private static List<String> names(List<Pod> pods) {
    return pods.stream().map(Pod::name).toList();
  }

  @Test
  @DisplayName("seed: 20 replicas (3 on a VMSS node, 17 on the ACI virtual node) scaled to 2 keep 2 VM pods")
  void seedHybridScaleDownKeepsVmPods() {
    List<Pod> pods = new ArrayList<>();
    // The VM pods came first and became ready 10h, 6h and 1h ago (buckets 45, 44, 41).
    pods.add(running("web-vm-1", VM_NODE, Duration.ofHours(10)).build());
    pods.add(running("web-vm-2", VM_NODE, Duration.ofHours(6)).build());
    pods.add(running("web-vm-3", VM_NODE, Duration.ofHours(1)).build());
    // The burst went to ACI over the last 50 minutes.
    for (int i = 1; i <= 17; i++) {
      pods.add(running("web-aci-" + i, ACI_NODE, Duration.ofMinutes(3L * i)).build());
    }

    List<Pod> deleted = ReplicaSetScaleDown.podsToDelete(pods, pods, pods.size() - 2, NOW);

    assertThat(deleted).hasSize(18);
    // Rank 17 beats rank 3 (rule 5), so every ACI pod goes before any VM pod ...
    assertThat(names(deleted.subList(0, 17))).allMatch(n -> n.startsWith("web-aci-"));
    // ... and among the VM pods the most recently ready one goes (rule 6).
    assertThat(deleted.get(17).name()).isEqualTo("web-vm-3");
    List<Pod> survivors = new ArrayList<>(pods);
    survivors.removeAll(deleted);
    assertThat(names(survivors)).containsExactly("web-vm-1", "web-vm-2");
  }

  @Test
  @DisplayName("rank counts the active related pods on the same node, including other ReplicaSets' pods")
  void rankCountsActiveRelatedPodsOnTheNode() {
    Pod a = plain("a", "node-1").build();
    Pod b = plain("b", "node-1").build();
    Pod oldRs = plain("old-rs", "node-1").owner(null).build();
    Pod finished = plain("done", "node-1").phase(PodPhase.SUCCEEDED).build();
    Pod deleting = plain("deleting", "node-1").deletionTime(NOW).build();
    Pod c = plain("c", "node-2").build();
    Pod unassigned1 = plain("u1", "").build();
    Pod unassigned2 = plain("u2", "").build();
    List<Pod> related = List.of(a, b, oldRs, finished, deleting, c, unassigned1, unassigned2);

    List<RankedPod> ranked = ReplicaSetScaleDown.rank(List.of(a, c, unassigned1), related);

    assertThat(ranked).extracting(RankedPod::rank).containsExactly(3, 1, 2);
  }

  @Test
  @DisplayName("diff >= number of candidates deletes them all, unsorted, in input order")
  void diffAtLeastCandidatesDeletesAllInInputOrder() {
    // In deletion-preference order these would be pending, then ready; input order must win.
    List<Pod> pods = List.of(plain("ready", "n").build(), plain("pending", "n").phase(PodPhase.PENDING).build());
    assertThat(names(ReplicaSetScaleDown.podsToDelete(pods, pods, 2, NOW))).containsExactly("ready", "pending");
    assertThat(names(ReplicaSetScaleDown.podsToDelete(pods, pods, 5, NOW))).containsExactly("ready", "pending");
    assertThat(ReplicaSetScaleDown.plan(pods, pods, 5, NOW).sorted()).isFalse();
  }

  @Test
  @DisplayName("diff of zero or less deletes nothing")
  void nothingToDelete() {
    List<Pod> pods = List.of(plain("a", "n").build());
    assertThat(ReplicaSetScaleDown.podsToDelete(pods, pods, 0, NOW)).isEmpty();
    assertThat(ReplicaSetScaleDown.podsToDelete(pods, pods, -3, NOW)).isEmpty();
  }

  @Test
  @DisplayName("at most burstReplicas (500) pods are deleted in one sync")
  void burstCap() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 700; i++) {
      pods.add(plain(String.format("p%03d", i), "n").uid(String.format("uid-%03d", i)).build());
    }
    assertThat(ReplicaSetScaleDown.podsToDelete(pods, pods, 650, NOW)).hasSize(500);
    // Capped below the candidate count, so the "delete all" shortcut does not apply either.
    List<Pod> six = pods.subList(0, 600);
    assertThat(ReplicaSetScaleDown.plan(six, six, 600, NOW).deleteCount()).isEqualTo(500);
    assertThat(ReplicaSetScaleDown.plan(six, six, 600, NOW).sorted()).isTrue();
  }

  @Test
  @DisplayName("pod-deletion-cost picks the victim, an invalid cost counting as 0")
  void deletionCostPicksTheVictim() {
    List<Pod> pods = List.of(
        withCost(plain("costly", "n"), "100").build(),
        withCost(plain("invalid", "n"), "+100").build(),
        withCost(plain("cheap", "n"), "-1").build());
    assertThat(names(ReplicaSetScaleDown.podsToDelete(pods, pods, 2, NOW))).containsExactly("cheap", "invalid");
  }

  @Test
  @DisplayName("pods that compare equal keep their input order (stable sort, unlike upstream sort.Sort)")
  void equalPodsKeepInputOrder() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      pods.add(plain("p" + i, "n").uid("same").build());
    }
    assertThat(names(ReplicaSetScaleDown.podsToDelete(pods, pods, 39, NOW))).isEqualTo(names(pods.subList(0, 39)));
  }

  @Test
  @DisplayName("the order does not depend on the input order when the rules tell every pod apart")
  void deterministicAcrossInputOrders() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      // Same log bucket for many of them, so the UID tie-break does real work.
      pods.add(running("p" + i, "n" + (i % 3), Duration.ofMinutes(200 + i)).uid(String.format("%08x", i * 2654435761L)).build());
    }
    List<String> expected = names(ReplicaSetScaleDown.podsToDelete(pods, pods, 30, NOW));
    for (long seed = 1; seed <= 5; seed++) {
      List<Pod> shuffled = new ArrayList<>(pods);
      Collections.shuffle(shuffled, new java.util.Random(seed));
      assertThat(names(ReplicaSetScaleDown.podsToDelete(shuffled, shuffled, 30, NOW))).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("a comparator cycle (rule 6 ties by UID, rule 7 by restarts) does not make the sort throw")
  void inconsistentComparatorDoesNotThrow() {
    // a and b share a ready time (rule 7 decides), c shares a bucket with both (UID decides):
    // a < c < b by UID and b < a by restarts, a cycle upstream's Less allows.
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      pods.add(running("a" + i, "n", Duration.ofHours(5)).uid("1-" + i).build());
      pods.add(running("b" + i, "n", Duration.ofHours(5)).uid("3-" + i).restartCount(2).build());
      pods.add(running("c" + i, "n", Duration.ofHours(6)).uid("2-" + i).build());
    }
    Collections.shuffle(pods, new java.util.Random(7));
    assertThat(ReplicaSetScaleDown.podsToDelete(pods, pods, 150, NOW)).hasSize(150).doesNotHaveDuplicates();
  }

  @Test
  @DisplayName("the plan explains each side of the cut by comparing with the pod across it")
  void planExplainsTheCut() {
    Pod pending = plain("pending", "n").phase(PodPhase.PENDING).build();
    Pod recent = running("recent", "n", Duration.ofMinutes(5)).build();
    Pod old = running("old", "n", Duration.ofHours(9)).build();
    List<Pod> pods = List.of(old, recent, pending);

    ScaleDownPlan plan = ReplicaSetScaleDown.plan(pods, pods, 2, NOW);

    assertThat(plan.order()).extracting(r -> r.pod().name()).containsExactly("pending", "recent", "old");
    assertThat(plan.decisionAtCut(0)).contains(new RuleDecision(DeletionRule.PHASE, -1));
    assertThat(plan.decisionAtCut(1)).contains(new RuleDecision(DeletionRule.READY_TIME, -1));
    assertThat(plan.decisionAtCut(2)).contains(new RuleDecision(DeletionRule.READY_TIME, -1));
    assertThat(plan.counterpartAtCut(0).map(r -> r.pod().name())).contains("old");
    assertThat(plan.counterpartAtCut(2).map(r -> r.pod().name())).contains("recent");
    assertThat(ReplicaSetScaleDown.plan(pods, pods, 3, NOW).decisionAtCut(0)).isEmpty();
    assertThat(ReplicaSetScaleDown.plan(pods, pods, 0, NOW).decisionAtCut(0)).isEmpty();
  }
}
