package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.MI;
import static io.hns.model.autoscaler.Fixtures.T0;
import static io.hns.model.autoscaler.Fixtures.TOLERATES_VIRTUAL;
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
import io.hns.model.cluster.Toleration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The size the simulator drives it at: 300 VM nodes in 3 groups plus the virtual node, 3000
 * running pods, 1000 pending pods, loops every 10 s. Guards against loops that grow as
 * pods × nodes × pods; the bound is generous (a loop takes tens of milliseconds).
 */
class ScaleTest {
  private static final Taint BATCH = new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);
  private static final Toleration TOLERATES_BATCH = Toleration.exists("dedicated");

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aLargeClusterLoopStaysFast() {
    Harness h = new Harness();
    h.node(virtualNode());
    for (int g = 0; g < 3; g++) {
      // The first group is dedicated to batch pods (tainted), and every other node of it nearly
      // empty: the burst cannot land there, so the planner has 50 candidates to simulate.
      Taint[] taints = g == 0 ? new Taint[] {BATCH} : new Taint[0];
      PodSpec podSpec = g == 0 ? spec(300, 1200 * MI, TOLERATES_BATCH) : spec(300, 1200 * MI);
      FakeNodeGroup group = h.group("pool" + g, 1, 400, vm("pool" + g + "-template", 4000, 16 * GI, taints));
      for (int i = 0; i < 100; i++) {
        String node = "pool" + g + "-" + i;
        h.node(group, vm(node, 4000, 16 * GI, taints));
        int pods = g == 0 && i % 2 == 0 ? 2 : 10;
        for (int p = 0; p < pods; p++) {
          OwnerRef owner = new OwnerRef("ReplicaSet", "app-" + g + "-" + (p % 30), "uid-app-" + g + "-" + (p % 30));
          h.pod(running(node + "-p" + p, node, podSpec, owner));
        }
      }
    }
    for (int k = 0; k < 10; k++) {
      OwnerRef owner = new OwnerRef("ReplicaSet", "burst-" + k, "uid-burst-" + k);
      PodSpec s = k < 3 ? spec(500, GI, TOLERATES_VIRTUAL) : spec(500 + 100 * k, GI);
      for (int i = 0; i < 100; i++) {
        h.pod(pending("burst-" + k + "-" + i, s, owner));
      }
    }

    long start = System.nanoTime();
    h.loops(T0, T0 + 60 * Fixtures.SECOND);
    long perLoopMs = (System.nanoTime() - start) / 7_000_000;

    // One scale-up; the booting nodes then hold the pods it was made for.
    int increases = h.view.groups.stream().mapToInt(g -> ((FakeNodeGroup) g).increaseCalls.size()).sum();
    assertThat(increases).isEqualTo(1);
    assertThat(h.ca.status().unneededSince()).isNotEmpty();
    assertThat(perLoopMs).isLessThan(2_000);
  }
}
