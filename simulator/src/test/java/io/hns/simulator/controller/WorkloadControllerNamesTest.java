package io.hns.simulator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.PlacementPolicies;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterState;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** A generated pod name that is still taken is drawn again (the API server retries generateName). */
class WorkloadControllerNamesTest {
  /** Draws the same suffix twice (a collision: 27^5 names per ReplicaSet), then others. */
  static final class Scripted implements RandomGenerator {
    private int characters;
    private long longs;

    @Override
    public int nextInt(int bound) {
      int suffix = characters++ / 5; // five characters per suffix
      return suffix < 2 ? 0 : 1 + suffix % (bound - 1);
    }

    @Override
    public long nextLong() {
      return longs++;
    }
  }

  @Test
  void aTakenGeneratedNameIsDrawnAgain() {
    Engine engine = new Engine();
    ClusterState state = new ClusterState(engine::now);
    WorkloadController controller = new WorkloadController(engine, state, new NameGenerator(new Scripted()),
        PlacementPolicies.MANIFEST);
    state.listen(controller);
    controller.apply(new Workload("ReplicaSet", "apps", "web", "rs-uid", 2, LabelSelector.matchLabels("app", "web"),
        Labels.of("app", "web"), Labels.EMPTY, PodSpec.builder().requests(100, 1 << 20).build(), null));
    engine.runUntil(1);
    List<String> names = state.pods().stream().map(Pod::name).toList();
    assertThat(names).hasSize(2).doesNotHaveDuplicates();
    assertThat(names.get(0)).isEqualTo("web-bbbbb");
  }
}
