package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.GI;
import static io.hns.model.autoscaler.Fixtures.SECOND;
import static io.hns.model.autoscaler.Fixtures.T0;
import static io.hns.model.autoscaler.Fixtures.WEB;
import static io.hns.model.autoscaler.Fixtures.running;
import static io.hns.model.autoscaler.Fixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import org.junit.jupiter.api.Test;

/** simulator/drainability/rules: the outcome per pod, in upstream rule order. */
class DrainabilityRulesTest {
  private final DrainabilityRules aks = new DrainabilityRules(true, false);

  private static Pod owned(String kind) {
    return running("p", "n", spec(100, GI), new OwnerRef(kind, "x", "uid-x"));
  }

  @Test
  void replicatedPodsMoveOthersBlock() {
    assertThat(aks.decide(owned("ReplicaSet"), T0)).isEqualTo(DrainDecision.MOVE);
    assertThat(aks.decide(owned("StatefulSet"), T0)).isEqualTo(DrainDecision.MOVE);
    assertThat(aks.decide(owned("Job"), T0)).isEqualTo(DrainDecision.MOVE);
    // skip-nodes-with-custom-controller-pods (default true): unknown controller kinds block.
    assertThat(aks.decide(owned("MyOperator"), T0).blocks()).isTrue();
    assertThat(aks.decide(running("bare", "n", spec(100, GI), null), T0).blocks()).isTrue();
  }

  @Test
  void daemonSetMirrorTerminalAndLongTerminatingPodsAreSkipped() {
    assertThat(aks.decide(owned("DaemonSet"), T0)).isEqualTo(DrainDecision.SKIP);
    Pod mirror = running("static", "n", spec(100, GI), null).toBuilder()
        .annotations(Labels.of("kubernetes.io/config.mirror", "abc")).build();
    assertThat(aks.decide(mirror, T0)).isEqualTo(DrainDecision.SKIP);
    Pod done = running("done", "n", spec(100, GI), null).toBuilder().phase(PodPhase.SUCCEEDED).build();
    assertThat(aks.decide(done, T0).blocks()).isFalse();
    // Deleted 30 s (grace) + 30 s (extra threshold) ago is not yet long terminating.
    Pod deleting = running("bye", "n", spec(100, GI), null).toBuilder().deletionTime(T0 - 60 * SECOND).build();
    assertThat(aks.decide(deleting, T0).blocks()).isTrue();
    assertThat(aks.decide(deleting, T0 + 1)).isEqualTo(DrainDecision.SKIP);
  }

  @Test
  void daemonSetRuleComesBeforeSafeToEvict() {
    Pod ds = owned("DaemonSet").toBuilder()
        .annotations(Labels.of(DrainabilityRules.SAFE_TO_EVICT, "true")).build();
    assertThat(aks.decide(ds, T0)).isEqualTo(DrainDecision.SKIP);
  }

  @Test
  void systemPodsBlockOnlyWhenConfigured() {
    Pod system = Pod.builder("kube-system", "metrics-server-1", spec(100, GI)).owner(WEB).nodeName("n").build();
    assertThat(aks.decide(system, T0).blocks()).isTrue();
    assertThat(new DrainabilityRules(false, false).decide(system, T0)).isEqualTo(DrainDecision.MOVE);
  }
}
