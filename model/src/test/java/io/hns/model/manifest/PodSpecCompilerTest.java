package io.hns.model.manifest;

import static io.hns.model.scheduler.TestClusters.compilePod;
import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.cluster.PodSpec;
import io.hns.model.resource.Resources;
import org.junit.jupiter.api.Test;

/**
 * Pod requests as component-helpers/resource/helpers.go PodRequests computes them, on the spec as
 * the API server stores it (pkg/apis/core/v1/defaults.go: a limit without a request is the request).
 */
class PodSpecCompilerTest {
  private static final long MI = 1L << 20;

  private static PodSpec spec(String podSpecYaml) {
    return compilePod("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n" + podSpecYaml).spec();
  }

  // helpers_test.go TestPodResourceRequests "multiple restartable and regular init containers":
  // init-2 needs 5 + the sidecars started before it (1 + 2) = 8; regular 1 + sidecars 6 = 7 -> 8.
  @Test
  void sidecarsBeforeAClassicInitContainerCount() {
    PodSpec s = spec("""
          initContainers:
            - {name: init-1, resources: {requests: {cpu: "5"}}}
            - {name: restartable-init-1, restartPolicy: Always, resources: {requests: {cpu: "1"}}}
            - {name: restartable-init-2, restartPolicy: Always, resources: {requests: {cpu: "2"}}}
            - {name: init-2, resources: {requests: {cpu: "5"}}}
            - {name: restartable-init-3, restartPolicy: Always, resources: {requests: {cpu: "3"}}}
          containers:
            - {name: container-1, resources: {requests: {cpu: "1"}}}
        """);
    assertThat(s.requests().milliCpu()).isEqualTo(8000);
  }

  // helpers_test.go TestPodResourceRequests "restartable-init, init and regular" -> 210 = max(100
  // + 10, 200 + 10).
  @Test
  void sidecarRunsBesideLaterInitContainers() {
    PodSpec s = spec("""
          initContainers:
            - {name: restartable-init-1, restartPolicy: Always, resources: {requests: {cpu: "10"}}}
            - {name: init-1, resources: {requests: {cpu: "200"}}}
          containers:
            - {name: container-1, resources: {requests: {cpu: "100"}}}
        """);
    assertThat(s.requests().milliCpu()).isEqualTo(210_000);
  }

  // helpers_test.go TestPodResourceRequests "nil options, larger init container" (4) and "nil
  // options, larger containers" (2 + 3 = 5 > 2).
  @Test
  void classicInitContainersCountByTheirMaximum() {
    assertThat(spec("""
          initContainers: [{name: i, resources: {requests: {cpu: "4"}}}]
          containers: [{name: c, resources: {requests: {cpu: "1"}}}]
        """).requests().milliCpu()).isEqualTo(4000);
    assertThat(spec("""
          initContainers: [{name: i, resources: {requests: {cpu: "2"}}}]
          containers:
            - {name: a, resources: {requests: {cpu: "2"}}}
            - {name: b, resources: {requests: {cpu: "3"}}}
        """).requests().milliCpu()).isEqualTo(5000);
  }

  // helpers_test.go TestPodRequestsAndLimits "req-and-overhead": 1 + 5 cpu, 10 + 5 memory.
  @Test
  void overheadIsAdded() {
    PodSpec s = spec("""
          overhead: {cpu: "5", memory: "5"}
          containers: [{name: c, resources: {requests: {cpu: "1", memory: "10"}}}]
        """);
    assertThat(s.requests()).isEqualTo(Resources.of(6000, 15));
    assertThat(s.nonZeroRequests()).isEqualTo(Resources.of(6000, 15));
  }

  // pkg/apis/core/v1/defaults.go SetDefaults_Pod: "If limits are specified, but requests are not,
  // default requests to limits" -- the nginx-vn template states both, a limits-only pod still has
  // requests.
  @Test
  void limitsWithoutRequestsBecomeRequests() {
    PodSpec s = spec("""
          containers: [{name: c, resources: {limits: {cpu: 200m, memory: 32Mi}}}]
        """);
    assertThat(s.requests()).isEqualTo(Resources.of(200, 32 * MI));
    assertThat(s.containers().get(0).hasCpuRequest()).isTrue();
  }

  // framework/types_test.go TestPodInfoCalculateResources "requestless container" and
  // pkg/scheduler/util/pod_resources.go: each container missing a cpu (memory) request counts
  // 100m (200Mi) for scoring; a request stated as 0 stays 0 (applyNonMissing only fills absent keys).
  @Test
  void nonZeroRequestsPerContainer() {
    PodSpec s = spec("""
          containers:
            - {name: a, resources: {requests: {cpu: 250m}}}
            - {name: b}
            - {name: c, resources: {requests: {cpu: "0", memory: "0"}}}
        """);
    assertThat(s.requests()).isEqualTo(Resources.of(250, 0));
    assertThat(s.nonZeroRequests()).isEqualTo(Resources.of(250 + 100 + 0, 200 * MI + 200 * MI + 0));
    assertThat(s.containers()).extracting(c -> c.hasCpuRequest()).containsExactly(true, false, true);
  }

  // helpers.go PodRequests with NonMissingContainerRequests applies the defaults to init containers
  // too: a request-less init container makes the non-zero request max(50m, 100m), max(50Mi, 200Mi).
  @Test
  void nonZeroRequestsOfInitContainers() {
    PodSpec s = spec("""
          initContainers: [{name: i}]
          containers: [{name: c, resources: {requests: {cpu: 50m, memory: 50Mi}}}]
        """);
    assertThat(s.requests()).isEqualTo(Resources.of(50, 50 * MI));
    assertThat(s.nonZeroRequests()).isEqualTo(Resources.of(100, 200 * MI));
  }
}
