package io.hns.model.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.manifest.Manifests;
import io.hns.model.resource.Resources;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The seed experiment's cluster (fixtures/placement): one Standard_DS2_v2 VMSS node carrying
 * kube-system pods, the ACI virtual node, and the nginx-vn Deployment (200m/32Mi, tolerates the
 * virtual-kubelet taint, prefers {@code type NotIn [virtual-kubelet]} with weight 1).
 *
 * <p>The system pods' requests are placeholders summing to 1200m CPU and 900Mi memory (the real
 * values are being researched separately): the expected scores below hold for these values only.
 *
 * <p>Numbers used throughout: VM allocatable 1900m / 4675304Ki = 4787511296 B; requested 1200m /
 * 900Mi = 943718400 B before any nginx replica; each replica 200m / 32Mi = 33554432 B. Virtual node
 * 10k CPU = 10,000,000m, 4Ti = 4398046511104 B.
 */
class SeedPlacementTest {
  static final String VM = "aks-agentpool-24758537-vmss000000";
  static final String VIRTUAL = "virtual-node-aci-linux";

  static Path fixture(String name) {
    try {
      return Path.of(SeedPlacementTest.class.getResource("/fixtures/placement/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final List<Node> NODES = Manifests.nodes(fixture("nodes.json"));
  private static final List<Pod> SYSTEM = Manifests.pods(fixture("system-pods.json"));
  private static final Pod TEMPLATE = Manifests.podOrTemplate(fixture("nginx-vn.yaml"));

  /** The cluster with {@code replicas} nginx-vn pods of the same ReplicaSet already on the VM node. */
  private static ClusterSnapshot cluster(int replicas) {
    List<Pod> bound = new ArrayList<>(SYSTEM);
    for (int i = 0; i < replicas; i++) {
      bound.add(Pod.builder(TEMPLATE.namespace(), "nginx-vn-7d8f9c-" + i, TEMPLATE.spec())
          .uid("nginx-" + i).labels(TEMPLATE.labels()).owner(TEMPLATE.owner()).nodeName(VM).build());
    }
    return ClusterSnapshot.of(NODES, bound);
  }

  private static Placement place(SchedulerProfile profile, Pod pod, int replicas, long seed) {
    return new Scheduler(profile).schedule(pod, cluster(replicas), new SplittableRandom(seed), true);
  }

  private static Map<String, Long> totals(Placement p) {
    return p.evaluations().stream().filter(NodeEvaluation::feasible)
        .collect(Collectors.toMap(NodeEvaluation::node, NodeEvaluation::total));
  }

  private static NodeEvaluation eval(Placement p, String node) {
    return p.evaluations().stream().filter(e -> e.node().equals(node)).findFirst().orElseThrow();
  }

  // The fixtures read as kubectl output: quantities (k8s.io/apimachinery resource.Quantity), the
  // virtual node's taint and labels (virtual-kubelet azure-aci vk_node.go / main.go), the owner of
  // the template pod (Manifests.templatePod: a ReplicaSet, as the Deployment controller creates).
  @Test
  void fixturesReadAsExpected() {
    Node vm = NODES.get(0);
    Node vn = NODES.get(1);
    assertThat(vm.name()).isEqualTo(VM);
    assertThat(vm.kind()).isEqualTo(NodeKind.VM);
    assertThat(vm.capacity()).extracting(Resources::milliCpu, Resources::memory, Resources::pods)
        .containsExactly(2000L, 7120616L * 1024, 30L);
    assertThat(vm.allocatable()).extracting(Resources::milliCpu, Resources::memory, Resources::pods)
        .containsExactly(1900L, 4675304L * 1024, 30L);
    assertThat(vm.labels().get(Node.ZONE_LABEL)).isEqualTo("eastus-1");
    assertThat(vm.labels().has("type")).isFalse();
    assertThat(vn.kind()).isEqualTo(NodeKind.VIRTUAL);
    assertThat(vn.labels().has(Node.ZONE_LABEL)).isFalse();
    assertThat(vn.taints()).containsExactly(new Taint("virtual-kubelet.io/provider", "azure", TaintEffect.NO_SCHEDULE));
    assertThat(vn.allocatable()).extracting(Resources::milliCpu, Resources::memory, Resources::pods)
        .containsExactly(10_000_000L, 4L << 40, 5000L);
    Resources sum = SYSTEM.stream().map(p -> p.spec().requests()).reduce(Resources.ZERO, Resources::plus);
    assertThat(sum).isEqualTo(Resources.of(1200, 900L << 20));
    assertThat(SYSTEM).allSatisfy(p -> assertThat(p.nodeName()).isEqualTo(VM));
    assertThat(TEMPLATE.namespace()).isEqualTo("virtualnode");
    assertThat(TEMPLATE.spec().requests()).isEqualTo(Resources.of(200, 32L << 20));
    assertThat(TEMPLATE.owner().kind()).isEqualTo("ReplicaSet");
  }

  // Kubernetes 1.19 (algorithmprovider/registry.go getDefaultConfig + applyFeatureGates with
  // DefaultPodTopologySpread off: SelectorSpread weight 1; every other scorer weight 1 but
  // PodTopologySpread 2, which scores only explicit constraints). First replica, 0 on the VM node:
  //   VM:      Balanced 1-|1400/1900 - 977272832/4787511296| = 1-|.7368-.2041| = .4673 -> 46
  //            LeastAllocated cpu (1900-1400)*100/1900 = 26, mem 3810238464*100/4787511296 = 79 -> 52
  //            NodeAffinity 100, TaintToleration 100, SelectorSpread 100, others 0 -> 398
  //   virtual: Balanced 99, LeastAllocated (99+99)/2 = 99, NodeAffinity 0, TaintToleration 100,
  //            SelectorSpread 100 -> 398
  // A tie: selectHost picks either node, by the seed. The preferred node affinity (worth 100) only
  // offsets the loaded VM node's resource scores; it does not make the VM node win.
  @Test
  void k8s119FirstReplicaIsATie() {
    Placement p = place(SchedulerProfile.kubernetes119(), TEMPLATE, 0, 1);
    assertThat(totals(p)).containsEntry(VM, 398L).containsEntry(VIRTUAL, 398L);
    assertThat(eval(p, VM).scores()).containsEntry("NodeResourcesBalancedAllocation", 46L)
        .containsEntry("NodeResourcesFit", 52L).containsEntry("NodeAffinity", 100L).containsEntry("SelectorSpread", 100L);
    assertThat(eval(p, VIRTUAL).scores()).containsEntry("NodeResourcesBalancedAllocation", 99L)
        .containsEntry("NodeResourcesFit", 99L).containsEntry("NodeAffinity", 0L);
    Set<String> chosen = new HashSet<>();
    for (long seed = 0; seed < 32; seed++) {
      chosen.add(place(SchedulerProfile.kubernetes119(), TEMPLATE, 0, seed).node());
    }
    assertThat(chosen).containsExactlyInAnyOrder(VM, VIRTUAL);
  }

  // Kubernetes 1.19 with 1 and 2 replicas already on the VM node (it still fits: 1200 + 400 + 200
  // <= 1900). Replica 2: VM Balanced 1-|1600/1900 - .2111| -> 36, LeastAllocated (15+78)/2 = 46,
  // NodeAffinity 100, TaintToleration 100, SelectorSpread 0 (the node holds the ReplicaSet's pod,
  // its zone all of them) -> 282 < 398 for the virtual node. Replica 3: 27 + 41 + 100 + 100 + 0 =
  // 268 < 398. The virtual node wins while the VM node still fits -- upstream 1.19 scoring does not
  // keep filling the VM node first.
  @Test
  void k8s119NextReplicasGoToTheVirtualNodeWhileTheVmStillFits() {
    Placement one = place(SchedulerProfile.kubernetes119(), TEMPLATE, 1, 1);
    assertThat(one.feasibleNodes()).isEqualTo(2);
    assertThat(totals(one)).containsEntry(VM, 282L).containsEntry(VIRTUAL, 398L);
    assertThat(eval(one, VM).scores()).containsEntry("SelectorSpread", 0L);
    assertThat(one.node()).isEqualTo(VIRTUAL);
    Placement two = place(SchedulerProfile.kubernetes119(), TEMPLATE, 2, 1);
    assertThat(totals(two)).containsEntry(VM, 268L).containsEntry(VIRTUAL, 398L);
    assertThat(two.node()).isEqualTo(VIRTUAL);
  }

  // With 3 replicas on the VM node, 1200 + 600 + 200 = 2000m > 1900m: "Insufficient cpu"
  // (fit.go fitsRequest), and the pod overflows to the virtual node, in both profiles.
  @Test
  void fourthReplicaOverflowsToTheVirtualNode() {
    for (SchedulerProfile profile : List.of(SchedulerProfile.kubernetes119(), SchedulerProfile.current())) {
      Placement p = place(profile, TEMPLATE, 3, 1);
      assertThat(eval(p, VM).feasible()).as(profile.name()).isFalse();
      assertThat(eval(p, VM).reasons()).as(profile.name()).containsExactly("Insufficient cpu");
      assertThat(p.feasibleNodes()).isEqualTo(1);
      assertThat(p.node()).as(profile.name()).isEqualTo(VIRTUAL);
    }
  }

  // Kubernetes 1.34 (apis/config/v1/default_plugins.go weights: TaintToleration 3, NodeAffinity 2,
  // NodeResourcesFit 1, PodTopologySpread 2, InterPodAffinity 2, BalancedAllocation 1,
  // ImageLocality 1), first replica:
  //   TaintToleration: no PreferNoSchedule taints -> 100 both (x3 = 300)
  //   NodeAffinity:    VM matches type NotIn [virtual-kubelet] -> 100 (x2 = 200), virtual 0
  //   NodeResourcesFit (LeastAllocated): VM (26 + 79)/2 = 52, virtual (99 + 99)/2 = 99
  //   PodTopologySpread, system defaults (the pod's owner is a ReplicaSet): hostname maxSkew 3 and
  //     zone maxSkew 5, weights ln(2 + 2) for both (2 hosts; zones "eastus-1" and ""). No replica
  //     yet, so raw = maxSkew - 1 per constraint the node has a label for: VM 2 + 4 = 6, virtual
  //     (no zone label) 2 -> 100*(6 + 2 - 6)/6 = 33 and 100*(6 + 2 - 2)/6 = 100 (x2 = 66 / 200)
  //   InterPodAffinity: no affinity anywhere -> skipped, 0
  //   BalancedAllocation (actual requests): VM std |.7368 - .2041|/2 = .2664 -> 73, virtual 99
  //   ImageLocality: no node reports images -> 0
  //   VM 300 + 200 + 52 + 66 + 0 + 73 + 0 = 691; virtual 300 + 0 + 99 + 200 + 0 + 99 + 0 = 698.
  // The virtual node wins by 7: the spread advantage of the zoneless node (+134) and its free
  // resources (+47 + 26) outweigh the preferred node affinity (+200 for the VM node).
  @Test
  void k8s134FirstReplicaGoesToTheVirtualNode() {
    Placement p = place(SchedulerProfile.current(), TEMPLATE, 0, 1);
    assertThat(totals(p)).containsEntry(VM, 691L).containsEntry(VIRTUAL, 698L);
    assertThat(eval(p, VM).scores()).containsAllEntriesOf(Map.of(
        "TaintToleration", 100L, "NodeAffinity", 100L, "NodeResourcesFit", 52L, "PodTopologySpread", 33L,
        "InterPodAffinity", 0L, "NodeResourcesBalancedAllocation", 73L, "ImageLocality", 0L));
    assertThat(eval(p, VIRTUAL).scores()).containsAllEntriesOf(Map.of(
        "TaintToleration", 100L, "NodeAffinity", 0L, "NodeResourcesFit", 99L, "PodTopologySpread", 100L,
        "InterPodAffinity", 0L, "NodeResourcesBalancedAllocation", 99L, "ImageLocality", 0L));
    assertThat(p.ranking()).containsExactly(VIRTUAL, VM);
    for (long seed = 0; seed < 16; seed++) {
      assertThat(place(SchedulerProfile.current(), TEMPLATE, 0, seed).node()).isEqualTo(VIRTUAL);
    }
  }

  // taint_toleration.go Filter: without the toleration the virtual node is never feasible, whatever
  // the profile, the seed or the VM node's load; with the VM node full the pod is unschedulable.
  @Test
  void podWithoutTolerationNeverLandsOnTheVirtualNode() {
    PodSpec.Builder b = TEMPLATE.spec().toBuilder();
    b.tolerations = ImmutableList.of();
    Pod intolerant = Pod.builder(TEMPLATE.namespace(), "intolerant", b.build())
        .labels(TEMPLATE.labels()).owner(TEMPLATE.owner()).build();
    for (SchedulerProfile profile : List.of(SchedulerProfile.kubernetes119(), SchedulerProfile.current())) {
      for (int replicas = 0; replicas <= 2; replicas++) {
        for (long seed = 0; seed < 8; seed++) {
          Placement p = place(profile, intolerant, replicas, seed);
          assertThat(p.node()).isEqualTo(VM);
          assertThat(eval(p, VIRTUAL).reasons())
              .containsExactly("node(s) had untolerated taint {virtual-kubelet.io/provider: azure}");
        }
      }
      Placement full = place(profile, intolerant, 3, 1);
      assertThat(full.scheduled()).isFalse();
      assertThat(full.failureMessage()).isEqualTo(
          "0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {virtual-kubelet.io/provider: azure}.");
    }
  }
}
