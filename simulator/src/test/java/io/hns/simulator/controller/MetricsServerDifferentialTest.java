package io.hns.simulator.controller;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Times;
import io.hns.model.hpa.PodUsage;
import io.hns.model.resource.Resources;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.load.LoadCurve;
import io.hns.simulator.load.ServiceModel;
import io.hns.simulator.state.ClusterState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: the metrics-server that makes samples when asked (from the records pods had at
 * the last scrape) answers exactly as the reference that scraped every pod eagerly, through random
 * pod lives: created, bound, running, ready or not, terminating, removed and re-created under the
 * same name, at and between scrapes, changed again from within notifications; asked about current
 * pods and about stale records.
 */
class MetricsServerDifferentialTest {
  static Stream<Long> seeds() {
    return LongStream.range(0, 40).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void lazySamplesAreTheEagerOnes(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    Engine engine = new Engine();
    ClusterState state = new ClusterState(engine::now);
    List<DemandMeter.Load> loads = List.of(
        new DemandMeter.Load("apps", "web", LoadCurve.diurnal(300, 0.5, 0), new ServiceModel(50, 1)),
        new DemandMeter.Load("apps", "api", LoadCurve.constant(80), new ServiceModel(20, 0.8)));
    DemandMeter demand = new DemandMeter(engine::now, p -> p.owner() == null ? "" : p.owner().name(), loads);
    state.listen(demand);
    Resources alloc = new Resources(4000, 16L << 30, 0, 110, ImmutableMap.of());
    state.addNode(new Node("n1", Labels.of("kubernetes.io/hostname", "n1"), Labels.EMPTY, ImmutableList.of(), alloc,
        alloc, false, true, "", Times.UNSET, ImmutableMap.of()));
    PodSpec[] specs = {
        PodSpec.builder().requests(500, 512L << 20).build(),
        spec(250, 256L << 20, List.of(new ContainerRequest("a", "nginx", 200, 128L << 20),
            new ContainerRequest("b", "side", -1, 64L << 20))),
        PodSpec.builder().requests(0, 128L << 20).build()};
    String[] owners = {"web", "api", "batch", null};
    // Some pods exist before the server does.
    for (int i = 0; i < 5; i++) {
      state.addPod(newPod(r, "early" + i, specs, owners));
    }
    // A listener notified before the server changes pods again from within notifications (as the
    // virtual kubelet removes a deleted pod at once): the server sees them out of order.
    state.listen(new io.hns.simulator.state.StateListener() {
      @Override
      public void podUpdated(Pod before, Pod after) {
        if (after.isDeleting() && !before.isDeleting() && Math.floorMod(after.name().hashCode(), 2) == 0) {
          state.removePod(after.key());
        } else if (after.phase() == PodPhase.RUNNING && before.phase() != PodPhase.RUNNING
            && Math.floorMod(after.name().hashCode(), 3) == 0 && state.pod(after.key()) == after) {
          state.updatePod(after.toBuilder().ready(ConditionStatus.TRUE, 1).build());
        }
      }
    });
    ReferenceMetricsServer reference = new ReferenceMetricsServer(engine, state, demand, 15_000, 0.02);
    MetricsServer lazy = new MetricsServer(engine, state, demand, 15_000, 0.02);
    List<Pod> stale = new ArrayList<>();
    int seq = 0;
    for (int step = 0; step < 600; step++) {
      int what = r.nextInt(20);
      List<Pod> pods = new ArrayList<>(state.pods());
      if (what < 4 || pods.isEmpty()) {
        String name = r.nextInt(5) == 0 && !stale.isEmpty() ? stale.get(r.nextInt(stale.size())).name() : "p" + seq++;
        if (state.pod("apps/" + name) == null) {
          state.addPod(newPod(r, name, specs, owners));
        }
      } else if (what < 11) {
        Pod p = pods.get(r.nextInt(pods.size()));
        stale.add(p);
        Pod.Builder b = p.toBuilder();
        switch (r.nextInt(5)) {
          case 0 -> b.nodeName("n1").phase(PodPhase.RUNNING).startTime(engine.now()).ready(ConditionStatus.FALSE, engine.now());
          case 1 -> b.ready(ConditionStatus.TRUE, engine.now());
          case 2 -> b.ready(ConditionStatus.FALSE, engine.now());
          case 3 -> b.deletionTime(engine.now());
          default -> b.phase(r.nextBoolean() ? PodPhase.FAILED : PodPhase.PENDING);
        }
        state.updatePod(b.build());
      } else if (what < 13) {
        Pod p = pods.get(r.nextInt(pods.size()));
        stale.add(p);
        state.removePod(p.key());
      } else if (what < 16) {
        engine.runUntil(engine.now() + r.nextInt(3) * 5_000L);
      } else {
        List<Pod> ask = new ArrayList<>(state.pods());
        for (int i = 0; i < 3 && !stale.isEmpty(); i++) {
          ask.add(stale.get(r.nextInt(stale.size())));
        }
        PodUsage[] a = lazy.samplesOf(ask);
        PodUsage[] b = reference.samplesOf(ask);
        assertThat(Arrays.asList(a)).as("seed %d step %d at %d ms", seed, step, engine.now()).isEqualTo(Arrays.asList(b));
        assertThat(lazy.samples(ask)).isEqualTo(Arrays.stream(b).filter(u -> u != null).toList());
      }
    }
  }

  private static PodSpec spec(long cpu, long mem, List<ContainerRequest> containers) {
    PodSpec.Builder b = PodSpec.builder().requests(cpu, mem);
    b.containers = ImmutableList.copyOf(containers);
    return b.build();
  }

  private static Pod newPod(SplittableRandom r, String name, PodSpec[] specs, String[] owners) {
    String owner = owners[r.nextInt(owners.length)];
    Pod.Builder b = Pod.builder("apps", name, specs[r.nextInt(specs.length)]).uid("u-" + name)
        .labels(Labels.of("app", owner == null ? "none" : owner));
    if (owner != null) {
      b.owner(new OwnerRef("ReplicaSet", owner, "rs-" + owner));
    }
    if (r.nextBoolean()) {
      b.nodeName("n1").phase(PodPhase.RUNNING).ready(ConditionStatus.TRUE, 0).startTime(0);
    }
    return b.build();
  }
}
