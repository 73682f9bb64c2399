package io.hns.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
  @Test
  void eventsRunByTimeThenPriorityThenSchedulingOrder() {
    Engine e = new Engine();
    List<String> order = new ArrayList<>();
    e.at(20, 0, () -> order.add("t20"));
    e.at(10, 5, () -> order.add("t10-p5-first"));
    e.at(10, 0, () -> order.add("t10-p0"));
    e.at(10, 5, () -> order.add("t10-p5-second"));
    e.runUntil(100);
    assertThat(order).containsExactly("t10-p0", "t10-p5-first", "t10-p5-second", "t20");
    assertThat(e.now()).isEqualTo(100);
    assertThat(e.eventsProcessed()).isEqualTo(4);
  }

  @Test
  void runUntilStopsAtTheBoundaryAndStepResumes() {
    Engine e = new Engine();
    List<Long> times = new ArrayList<>();
    e.every(0, 10, Engine.PRIORITY_OBSERVER, () -> times.add(e.now()));
    e.runUntil(30);
    assertThat(times).containsExactly(0L, 10L, 20L, 30L);
    assertThat(e.step()).isTrue();
    assertThat(times).endsWith(40L);
  }

  @Test
  void eventsInThePastAreRefused() {
    Engine e = new Engine();
    e.runUntil(50);
    assertThatThrownBy(() -> e.at(10, () -> {})).hasMessageContaining("before now");
  }

  @Test
  void streamsAreIndependentOfEachOtherAndOfCreationOrder() {
    RandomStreams a = new RandomStreams(7, 0);
    long x1 = a.stream("vmss/pool").nextLong();
    a.stream("aci").nextLong();
    RandomStreams b = new RandomStreams(7, 0);
    b.stream("aci").nextLong();
    b.stream("aci").nextLong();
    assertThat(b.stream("vmss/pool").nextLong()).isEqualTo(x1);
    assertThat(new RandomStreams(7, 1).stream("vmss/pool").nextLong()).isNotEqualTo(x1);
  }
}
