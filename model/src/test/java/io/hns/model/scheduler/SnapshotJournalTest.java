package io.hns.model.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ClusterSnapshot#mark} / {@link ClusterSnapshot#revert}: random what-if changes (pods
 * added, removed, replaced; nodes added, removed, updated), nested, are undone exactly: node order,
 * each node's pods in order (the very objects), every sum, count and index the plugins read.
 */
class SnapshotJournalTest {
  static Stream<Long> seeds() {
    return LongStream.range(0, 60).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void revertRestoresTheSnapshotExactly(long seed) {
    RandomClusters rc = new RandomClusters(seed);
    SplittableRandom r = rc.random();
    ClusterSnapshot s = ClusterSnapshot.of(rc.nodes(1 + r.nextInt(30)), List.of());
    for (int i = 0; i < 80; i++) {
      List<NodeInfo> nodes = s.nodes();
      s.addPod(rc.bind(rc.pod(), nodes.get(r.nextInt(nodes.size())).name()));
    }
    if (r.nextBoolean()) {
      s.ownedPodsInZone("uid-rs-1", RandomClusters.ZONES[0]); // build the lazy index before or during
    }
    String before = fingerprint(s.copy()); // a copy: the lazy indexes of s stay unbuilt
    int outer = s.mark();
    mutate(rc, s, r, 40);
    String middle = fingerprint(s); // builds the lazy indexes while recording
    int inner = s.mark();
    mutate(rc, s, r, 40);
    s.revert(inner);
    assertThat(fingerprint(s)).isEqualTo(middle);
    mutate(rc, s, r, 20);
    s.revert(outer);
    assertThat(fingerprint(s)).isEqualTo(before);
    assertThatThrownBy(() -> s.revert(0)).isInstanceOf(IllegalStateException.class);
  }

  private static void mutate(RandomClusters rc, ClusterSnapshot s, SplittableRandom r, int n) {
    for (int i = 0; i < n; i++) {
      List<NodeInfo> nodes = s.nodes();
      NodeInfo info = nodes.get(r.nextInt(nodes.size()));
      switch (r.nextInt(9)) {
        case 0, 1, 2 -> s.addPod(rc.bind(rc.pod(), info.name()));
        case 3, 4 -> {
          if (info.podCount() > 0) s.removePod(info.pods().get(r.nextInt(info.podCount())));
        }
        case 5 -> {
          if (info.podCount() > 0) {
            Pod p = info.pods().get(r.nextInt(info.podCount()));
            s.replacePod(p.toBuilder().deletionTime(p.isDeleting() ? io.hns.model.cluster.Times.UNSET : 7).build());
          }
        }
        case 6 -> s.addNode(rc.node());
        case 7 -> {
          if (nodes.size() > 1) s.removeNode(info.name());
        }
        default -> {
          Node node = info.node();
          s.updateNode(node.withTaints(node.taints().isEmpty() ? ImmutableList.of(RandomClusters.DEDICATED)
              : ImmutableList.of()).withUnschedulable(!node.unschedulable()));
        }
      }
    }
  }

  static String fingerprint(ClusterSnapshot s) {
    StringBuilder b = new StringBuilder();
    List<String> owners = new ArrayList<>();
    for (int i = 0; i < 12; i++) owners.add("uid-rs-" + i);
    for (NodeInfo n : s.nodes()) {
      b.append(n.name()).append('@').append(System.identityHashCode(n.node())).append(' ')
          .append(n.podCount()).append(' ').append(n.requestedCpu()).append(' ').append(n.requestedMemory())
          .append(' ').append(n.requestedEphemeral()).append(' ').append(n.requestedScalar("nvidia.com/gpu"))
          .append(' ').append(n.nonZeroCpu()).append(' ').append(n.nonZeroMemory()).append(' ')
          .append(n.requested()).append(' ').append(n.hasPodsWithAffinity()).append(n.hasPodsWithRequiredAntiAffinity())
          .append(" pods");
      for (Pod p : n.pods()) b.append(' ').append(System.identityHashCode(p));
      for (String o : owners) b.append(' ').append(n.podsOwnedBy(o)).append(n.podsOwnedBy(o + "b"));
      b.append('\n');
      assertThat(s.get(n.name())).isSameAs(n);
    }
    b.append(s.size()).append(s.anyPodWithAffinity()).append(s.anyPodWithRequiredAntiAffinity())
        .append(s.nodesWithImage("nginx:latest")).append(s.nodesWithImage("redis:7"));
    for (String o : owners) {
      for (String z : RandomClusters.ZONES) b.append(' ').append(s.ownedPodsInZone(o, z));
      b.append(' ').append(s.ownedPodsInZone(o, ""));
    }
    return b.toString();
  }
}
