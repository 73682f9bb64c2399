package io.hns.simulator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.resource.Resources;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go) driven by cluster events. */
class SchedulerLoopTest {
  final Engine engine = new Engine();
  final ClusterState state = new ClusterState(engine::now);

  SchedulerLoopTest() {
    state.listen(new SchedulerLoop(engine, state, new Scheduler(SchedulerProfile.current()), new SplittableRandom(1)));
  }

  static Node node(String name, long cpu) {
    Resources r = Resources.of(cpu, 8L << 30, 110);
    return new Node(name, Labels.of(Node.HOSTNAME_LABEL, name), Labels.EMPTY, ImmutableList.of(), r, r, false, true, "",
        0, ImmutableMap.of());
  }

  @Test
  void aPodThatFitsNowhereIsMarkedUnschedulableWithTheFitError() {
    state.addNode(node("small", 1000));
    state.addPod(Pod.builder("default", "big", PodSpec.builder().requests(2000, 1 << 20).build()).build());
    engine.runUntil(100);
    Pod big = state.pod("default/big");
    assertThat(big.isAssigned()).isFalse();
    assertThat(big.unschedulable()).isTrue();
    assertThat(state.events().events()).anySatisfy(e -> {
      assertThat(e.reason()).isEqualTo("FailedScheduling");
      assertThat(e.type()).isEqualTo(ClusterEvent.WARNING);
      assertThat(e.message()).startsWith("0/1 nodes are available: 1 Insufficient cpu.");
    });
  }

  @Test
  void aNewNodeWakesTheParkedPodAfterItsBackoff() {
    state.addNode(node("small", 1000));
    state.addPod(Pod.builder("default", "big", PodSpec.builder().requests(2000, 1 << 20).build()).build());
    engine.runUntil(100);
    engine.at(500, () -> state.addNode(node("large", 4000)));
    // Backoff after the first failure is 1 s (podInitialBackoffDuration): not before t=1000 ms.
    engine.runUntil(999);
    assertThat(state.pod("default/big").isAssigned()).isFalse();
    engine.runUntil(1000);
    assertThat(state.pod("default/big").nodeName()).isEqualTo("large");
    assertThat(state.events().count("Scheduled")).isEqualTo(1);
  }

  @Test
  void higherPriorityPodsAreScheduledFirst() {
    state.addNode(node("one", 1000));
    PodSpec.Builder low = PodSpec.builder().requests(800, 1);
    PodSpec.Builder high = PodSpec.builder().requests(800, 1);
    high.priority = 100;
    engine.at(0, () -> {
      state.addPod(Pod.builder("default", "low", low.build()).build());
      state.addPod(Pod.builder("default", "high", high.build()).build());
    });
    engine.runUntil(10);
    assertThat(state.pod("default/high").isAssigned()).isTrue();
    assertThat(state.pod("default/low").isAssigned()).isFalse();
  }
}
