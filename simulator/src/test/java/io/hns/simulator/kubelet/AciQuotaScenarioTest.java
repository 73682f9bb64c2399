package io.hns.simulator.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.simulator.Simulation;
import io.hns.simulator.output.PodRecord;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import io.hns.simulator.state.ClusterEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the ACI quota, virtual-kubelet leaves the pod bound to the virtual node, Pending with reason
 * ProviderFailed and a Warning ProviderCreateFailed (vk node/pod.go), retrying with backoff.
 */
class AciQuotaScenarioTest {
  @TempDir Path dir;

  RunResult run() throws Exception {
    Files.writeString(dir.resolve("app.yaml"), """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app, namespace: default}
        spec:
          replicas: 8
          selector: {matchLabels: {app: app}}
          template:
            metadata: {labels: {app: app}}
            spec:
              containers:
              - {name: app, image: nginx, resources: {requests: {cpu: 500m, memory: 512Mi}}}
        """);
    Files.writeString(dir.resolve("s.yaml"), """
        duration: 10m
        policy: aci-only
        cluster:
          nodePools: [{name: pool, count: 1}]
          virtualNode:
            aci: {containerGroupQuota: 5}
        manifests: [{file: app.yaml}]
        actions:
          - {at: 5m, scale: app, replicas: 5}
        """);
    return Simulation.run(ScenarioCompiler.load(ScenarioSource.of(dir.resolve("s.yaml").toString())),
        Simulation.Options.quiet());
  }

  @Test
  void podsOverTheQuotaStayPendingWithProviderFailedAndAreRetried() throws Exception {
    RunResult r = run();
    List<ClusterEvent> failed = r.events().stream().filter(e -> e.reason().equals("ProviderCreateFailed")).toList();
    assertThat(failed).isNotEmpty().allMatch(e -> e.type().equals(ClusterEvent.WARNING));
    assertThat(failed.get(0).message()).contains("container group quota 'ContainerGroups' exceeded");
    // The same pod is retried: more failures than the 3 pods over quota.
    assertThat(failed.size()).isGreaterThan(3);
    List<PodRecord> app = r.pods().stream().filter(p -> p.workload().equals("app")).toList();
    assertThat(app).hasSize(8).allMatch(p -> p.nodeKind().equals("virtual"));
  }

  @Test
  void scalingDownDeletesTheStuckPendingPodsFirst() throws Exception {
    RunResult r = run();
    // ActivePodsWithRanks: Pending before Running (controller_utils.go), so the 3 ProviderFailed pods go.
    List<PodRecord> deleted = r.pods().stream().filter(p -> p.workload().equals("app") && p.deleted() >= 0).toList();
    assertThat(deleted).hasSize(3).allMatch(p -> p.running() < 0 && p.reason().equals("ProviderFailed"));
    assertThat(r.pods().stream().filter(p -> p.workload().equals("app") && p.deleted() < 0))
        .hasSize(5).allMatch(p -> p.running() >= 0);
  }
}
