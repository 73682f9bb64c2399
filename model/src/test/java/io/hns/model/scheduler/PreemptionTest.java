package io.hns.model.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.resource.Resources;
import java.util.List;
import org.junit.jupiter.api.Test;

/** pkg/scheduler/framework/preemption: victims are lower-priority pods, reprieved where possible. */
class PreemptionTest {
  static Node node(String name) {
    Resources r = Resources.of(2000, 8L << 30, 110);
    return new Node(name, Labels.of(Node.HOSTNAME_LABEL, name), Labels.EMPTY, ImmutableList.of(), r, r, false, true,
        "", 0, ImmutableMap.of());
  }

  static Pod pod(String name, String node, long cpu, int priority) {
    PodSpec.Builder b = PodSpec.builder().requests(cpu, 1 << 20);
    b.priority = priority;
    return Pod.builder("default", name, b.build()).nodeName(node).build();
  }

  final Scheduler scheduler = new Scheduler(SchedulerProfile.current());

  @Test
  void evictsOnlyTheLowerPriorityPodsThatMustGo() {
    ClusterSnapshot s = ClusterSnapshot.of(List.of(node("a")), List.of(
        pod("p1", "a", 500, -1), pod("p2", "a", 500, -1), pod("p3", "a", 500, -1), pod("real", "a", 500, 0)));
    // 2000m node, 2000m used; a 900m pod needs two 500m placeholders gone (reprieve the third).
    Preemption.Plan plan = Preemption.find(scheduler, pod("new", "", 900, 0), s);
    assertThat(plan).isNotNull();
    assertThat(plan.node()).isEqualTo("a");
    assertThat(plan.victims()).hasSize(2).allMatch(p -> p.spec().priority() == -1);
  }

  @Test
  void neverEvictsPodsOfEqualOrHigherPriority() {
    ClusterSnapshot s = ClusterSnapshot.of(List.of(node("a")), List.of(pod("real", "a", 2000, 0)));
    assertThat(Preemption.find(scheduler, pod("new", "", 500, 0), s)).isNull();
  }

  @Test
  void prefersTheNodeWhoseHighestVictimHasTheLowestPriority() {
    ClusterSnapshot s = ClusterSnapshot.of(List.of(node("a"), node("b")), List.of(
        pod("pa", "a", 2000, -1), pod("pb", "b", 2000, -5)));
    assertThat(Preemption.find(scheduler, pod("new", "", 1000, 0), s).node()).isEqualTo("b");
  }
}
