package io.hns.model.scheduler.plugins;

import static io.hns.model.scheduler.TestClusters.bound;
import static io.hns.model.scheduler.TestClusters.compilePod;
import static io.hns.model.scheduler.TestClusters.explicitRequests;
import static io.hns.model.scheduler.TestClusters.filter;
import static io.hns.model.scheduler.TestClusters.node;
import static io.hns.model.scheduler.TestClusters.noContainers;
import static io.hns.model.scheduler.TestClusters.pod;
import static io.hns.model.scheduler.TestClusters.requests;
import static io.hns.model.scheduler.TestClusters.scores;
import static io.hns.model.scheduler.TestClusters.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.hns.model.cluster.Pod;
import io.hns.model.resource.Resources;
import io.hns.model.scheduler.ClusterSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * plugins/noderesources/fit.go (Filter, fitsRequest) and least_allocated.go (default Score).
 * Filter cases use fit_test.go's node: allocatable 10 milli-CPU, 20 bytes of memory, 32 pods, with
 * one existing pod holding the stated requests.
 */
class NodeResourcesFitTest {
  private static final NodeResourcesFit FIT = new NodeResourcesFit();

  private static List<String> fitOn(Pod pod, long usedMilliCpu, long usedMemory) {
    ClusterSnapshot s = snapshot(List.of(node("n", 10, 20, 32)),
        bound("existing", "n", requests(usedMilliCpu, usedMemory)));
    return filter(FIT, pod, s, "n");
  }

  /** A pod of one container (cpu in millicores, memory in bytes) and optional classic init containers. */
  private static Pod withInit(long cpu, long mem, long... init) {
    StringBuilder y = new StringBuilder("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - name: c
              resources: {requests: {cpu: %dm, memory: "%d"}}
        """.formatted(cpu, mem));
    if (init.length > 0) {
      y.append("  initContainers:\n");
      for (int i = 0; i < init.length; i += 2) {
        y.append("    - name: i%d\n      resources: {requests: {cpu: %dm, memory: \"%d\"}}\n".formatted(i, init[i], init[i + 1]));
      }
    }
    return compilePod(y.toString());
  }

  // fit_test.go TestEnoughRequests: "no resources requested always fits".
  @Test
  void noRequestsAlwaysFits() {
    assertThat(fitOn(pod("p", noContainers()), 10, 20)).isNull();
  }

  // TestEnoughRequests: "too many resources fails" -> every insufficient resource is reported.
  @Test
  void reportsEveryInsufficientResource() {
    assertThat(fitOn(pod("p", requests(1, 1)), 10, 20)).containsExactly("Insufficient cpu", "Insufficient memory");
  }

  // TestEnoughRequests: "one resource memory fits" and "one resource cpu fits".
  @Test
  void reportsOnlyTheShortResource() {
    assertThat(fitOn(pod("p", requests(2, 1)), 9, 5)).containsExactly("Insufficient cpu");
    assertThat(fitOn(pod("p", requests(1, 2)), 5, 19)).containsExactly("Insufficient memory");
    assertThat(fitOn(pod("p", requests(1, 1)), 5, 5)).isNull();
  }

  // TestEnoughRequests: "equal edge case" (5 + 5 = 10 fits) and "equal edge case for init container".
  @Test
  void equalityFits() {
    assertThat(fitOn(pod("p", requests(5, 1)), 5, 19)).isNull();
    assertThat(fitOn(withInit(4, 1, 5, 1), 5, 19)).isNull();
  }

  // TestEnoughRequests: "too many resources fails due to init container cpu", "... due to highest
  // init container cpu", "... due to init container memory", "init container fits because it's
  // the max, not sum, of containers and init containers" and "multiple init containers fit ...".
  @Test
  void initContainersCountByTheirMaximum() {
    assertThat(fitOn(withInit(1, 1, 3, 1), 8, 19)).containsExactly("Insufficient cpu");
    assertThat(fitOn(withInit(1, 1, 3, 1, 2, 1), 8, 19)).containsExactly("Insufficient cpu");
    assertThat(fitOn(withInit(1, 1, 1, 3), 9, 19)).containsExactly("Insufficient memory");
    assertThat(fitOn(withInit(1, 1, 1, 1), 9, 19)).isNull();
    assertThat(fitOn(withInit(1, 1, 1, 1, 1, 1), 9, 19)).isNull();
  }

  // component-helpers/resource/helpers.go PodRequests: a sidecar (init container with
  // restartPolicy Always) runs beside the regular containers, so its request adds: 1m + 2m = 3m
  // does not fit in the 2m left, where a classic 2m init container would (max(1m, 2m) = 2m).
  @Test
  void sidecarRequestsAdd() {
    Pod sidecar = compilePod("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          initContainers:
            - name: proxy
              restartPolicy: Always
              resources: {requests: {cpu: 2m, memory: "1"}}
          containers:
            - name: c
              resources: {requests: {cpu: 1m, memory: "1"}}
        """);
    assertThat(sidecar.spec().requests()).isEqualTo(Resources.of(3, 2));
    assertThat(fitOn(sidecar, 8, 10)).containsExactly("Insufficient cpu");
    assertThat(fitOn(withInit(1, 1, 2, 1), 8, 10)).isNull();
  }

  // fit_test.go TestEnoughRequests: "resources + pod overhead fits" (1 + 3 + 5 <= 10 cpu,
  // 1 + 13 + 5 <= 20 memory) and "requests + overhead does not fit for memory" (1 + 15 + 5 > 20).
  @Test
  void overheadAdds() {
    String yaml = """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          overhead: {cpu: %s, memory: "%s"}
          containers:
            - name: c
              resources: {requests: {cpu: 1m, memory: "1"}}
        """;
    assertThat(fitOn(compilePod(yaml.formatted("3m", "13")), 5, 5)).isNull();
    assertThat(fitOn(compilePod(yaml.formatted("1m", "15")), 5, 5)).containsExactly("Insufficient memory");
  }

  // fit_test.go TestNotEnoughRequests: "even without specified resources, predicate fails when
  // there's no space for additional pod" -> "Too many pods"; with requests every failure is kept.
  @Test
  void tooManyPodsEvenWithoutRequests() {
    ClusterSnapshot s = snapshot(List.of(node("n", 10, 20, 1)), bound("existing", "n", requests(10, 20)));
    assertThat(filter(FIT, pod("p", noContainers()), s, "n")).containsExactly("Too many pods");
    assertThat(filter(FIT, pod("q", requests(1, 1)), s, "n"))
        .containsExactly("Too many pods", "Insufficient cpu", "Insufficient memory");
  }

  // least_allocated_test.go TestLeastAllocatedScoringStrategy: "nothing scheduled, resources
  // requested, differently sized nodes": cpu (4000-3000)*100/4000 = 25, memory 50 -> 37;
  // (6000-3000)*100/6000 = 50, 50 -> 50. The two containers' requests are summed.
  @Test
  void leastAllocatedUpstreamExample() {
    Pod p = compilePod("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers:
            - {name: a, resources: {requests: {cpu: 1000m, memory: "2000"}}}
            - {name: b, resources: {requests: {cpu: 2000m, memory: "3000"}}}
        """);
    ClusterSnapshot s = snapshot(List.of(node("node1", 4000, 10000, 110), node("node2", 6000, 10000, 110)));
    assertThat(scores(FIT, p, s)).containsExactly(entry("node1", 37L), entry("node2", 50L));
  }

  // TestLeastAllocatedScoringStrategy: "no resources requested, pods scheduled with resources" ->
  // 70, 57 (explicit memory: 0 requests stay 0, no non-zero floor).
  @Test
  void leastAllocatedWithExistingPods() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 10000, 20000, 110), node("node2", 10000, 20000, 110)),
        bound("a1", "node1", explicitRequests(3000, 0)), bound("a2", "node1", explicitRequests(3000, 0)),
        bound("b1", "node2", explicitRequests(3000, 0)), bound("b2", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(FIT, pod("p", noContainers()), s)).containsExactly(entry("node1", 70L), entry("node2", 57L));
  }

  // TestLeastAllocatedScoringStrategy: "resources requested, pods scheduled with resources,
  // differently sized nodes" -> 57, 60; "requested resources exceed node capacity" -> 50, 25.
  @Test
  void leastAllocatedOverCapacityScoresZeroForThatResource() {
    ClusterSnapshot sized = snapshot(List.of(node("node1", 10000, 20000, 110), node("node2", 10000, 50000, 110)),
        bound("a1", "node1", explicitRequests(3000, 0)), bound("b1", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(FIT, pod("p", explicitRequests(3000, 5000)), sized)).containsExactly(entry("node1", 57L), entry("node2", 60L));
    ClusterSnapshot over = snapshot(List.of(node("node1", 4000, 10000, 110), node("node2", 4000, 10000, 110)),
        bound("a1", "node1", explicitRequests(3000, 0)), bound("b1", "node2", explicitRequests(3000, 5000)));
    assertThat(scores(FIT, pod("p", explicitRequests(3000, 0)), over)).containsExactly(entry("node1", 50L), entry("node2", 25L));
  }

  // TestLeastAllocatedScoringStrategy: "zero node resources, pods scheduled with resources" -> 0.
  @Test
  void leastAllocatedOnZeroAllocatable() {
    ClusterSnapshot s = snapshot(List.of(node("node1", 0, 0, 110), node("node2", 0, 0, 110)));
    assertThat(scores(FIT, pod("p", noContainers()), s)).containsExactly(entry("node1", 0L), entry("node2", 0L));
  }

  // framework/types_test.go TestPodInfoCalculateResources "requestless container":
  // Non0CPU = DefaultMilliCPURequest (100m), Non0Mem = DefaultMemoryRequest (200Mi)
  // (pkg/scheduler/util/pod_resources.go). LeastAllocated scores on those for the incoming pod and
  // for pods on the node; the Filter sees 0.
  @Test
  void requestlessContainersScoreWithNonZeroDefaults() {
    String requestless = """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s}
        spec:
          containers: [{name: c, image: nginx}]
        """;
    Pod incoming = compilePod(requestless.formatted("p"));
    assertThat(incoming.spec().requests()).isEqualTo(Resources.ZERO);
    assertThat(incoming.spec().nonZeroRequests()).isEqualTo(Resources.of(100, 200L << 20));
    long mi = 1L << 20;
    // cpu (1000-100)*100/1000 = 90, memory (1000Mi-200Mi)*100/1000Mi = 80 -> (90+80)/2 = 85
    ClusterSnapshot empty = snapshot(List.of(node("n", 1000, 1000 * mi, 110)));
    assertThat(scores(FIT, incoming, empty)).containsExactly(entry("n", 85L));
    // one request-less pod already there: cpu 800/1000 -> 80, memory 600Mi/1000Mi -> 60 -> 70
    Pod existing = compilePod(requestless.formatted("old")).withNodeName("n");
    ClusterSnapshot used = snapshot(List.of(node("n", 1000, 1000 * mi, 110)), existing);
    assertThat(scores(FIT, incoming, used)).containsExactly(entry("n", 70L));
    assertThat(used.get("n").requestedCpu()).isZero();
    assertThat(filter(FIT, pod("big", requests(1000, 1000 * mi)), used, "n")).isNull();
  }
}
