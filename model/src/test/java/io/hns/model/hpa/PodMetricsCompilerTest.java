package io.hns.model.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.model.cluster.Times;
import io.hns.model.manifest.ManifestException;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.PodMetricsCompiler;
import io.hns.model.manifest.SourcedObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PodMetricsCompiler, with the metrics client's per-pod sums (metrics/client.go getResourceMetricsValues). */
class PodMetricsCompilerTest {

  /** The list is flattened into PodMetrics items; container usages are summed, cpu in milli-cores rounded up. */
  @Test
  void readsAPodMetricsList() {
    List<SourcedObject> items = ManifestReader.read(HpaCompilerTest.fixture("pod-metrics.json"));
    assertThat(items).extracting(SourcedObject::kind).containsOnly("PodMetrics");
    PodUsage web1 = PodMetricsCompiler.compile(items.get(0));
    assertThat(web1.key()).isEqualTo("shop/web-1");
    assertThat(web1.labels().get("app")).isEqualTo("web");
    assertThat(web1.timestamp()).isEqualTo(Times.parse("2024-05-01T11:59:50Z"));
    assertThat(web1.windowMs()).isEqualTo(15_021);
    assertThat(web1.milliCpu()).isEqualTo(250 + 2); // 1234567n rounds up to 2m
    assertThat(web1.memory()).isEqualTo(100L * 1024 * 1024 + 2048L * 1024);
  }

  /** getResourceMetricsValues: a container without the resource leaves the whole pod without a value for it. */
  @Test
  void containerWithoutCpuMakesThePodMissingForCpu() {
    PodUsage web2 = PodMetricsCompiler.compile(ManifestReader.read(HpaCompilerTest.fixture("pod-metrics.json")).get(1));
    assertThat(web2.has(MetricResource.CPU)).isFalse();
    assertThat(web2.memory()).isEqualTo(10L * 1024 * 1024);
    assertThat(web2.windowMs()).isEqualTo(30_000);
  }

  /** A malformed usage names the file, the pod and the field. */
  @Test
  void badUsageNamesFileAndField() {
    String text = """
        {"kind": "PodMetrics", "apiVersion": "metrics.k8s.io/v1beta1",
         "metadata": {"name": "web-1"}, "timestamp": "2024-05-01T12:00:00Z", "window": "15s",
         "containers": [{"name": "app", "usage": {"cpu": "lots"}}]}
        """;
    assertThatThrownBy(() -> PodMetricsCompiler.compile(ManifestReader.read("m.json", text).get(0)))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("m.json:1 (PodMetrics web-1): containers[0].usage.cpu: invalid quantity \"lots\"");
  }

  /** The cpu readiness rules need the sample's time and window, so both are required. */
  @Test
  void timestampAndWindowAreRequired() {
    String noWindow = """
        {"kind": "PodMetrics", "apiVersion": "metrics.k8s.io/v1beta1",
         "metadata": {"name": "web-1"}, "timestamp": "2024-05-01T12:00:00Z", "containers": []}
        """;
    assertThatThrownBy(() -> PodMetricsCompiler.compile(ManifestReader.read("m.json", noWindow).get(0)))
        .hasMessageContaining("window is required");
    String badTime = noWindow.replace("2024-05-01T12:00:00Z", "yesterday");
    assertThatThrownBy(() -> PodMetricsCompiler.compile(ManifestReader.read("m.json", badTime).get(0)))
        .hasMessageContaining("timestamp: \"yesterday\" is not an RFC 3339 time");
  }

  /** metrics-server writes window as a Go duration (time.Duration.String), often with a fraction. */
  @Test
  void windowIsAGoDuration() {
    String[][] cases = {{"15s", "15000"}, {"20.096s", "20096"}, {"1m30.5s", "90500"}, {"500ms", "500"}, {"0", "0"}};
    for (String[] c : cases) {
      String text = """
          {"kind": "PodMetrics", "apiVersion": "metrics.k8s.io/v1beta1", "metadata": {"name": "p"},
           "timestamp": "2024-05-01T12:00:00Z", "window": "%s", "containers": []}
          """.formatted(c[0]);
      assertThat(PodMetricsCompiler.compile(ManifestReader.read("m.json", text).get(0)).windowMs())
          .as(c[0]).isEqualTo(Long.parseLong(c[1]));
    }
    String bad = """
        {"kind": "PodMetrics", "apiVersion": "metrics.k8s.io/v1beta1", "metadata": {"name": "p"},
         "timestamp": "2024-05-01T12:00:00Z", "window": "15 seconds", "containers": []}
        """;
    assertThatThrownBy(() -> PodMetricsCompiler.compile(ManifestReader.read("m.json", bad).get(0)))
        .hasMessageContaining("m.json:1 (PodMetrics p): window: \"15 seconds\" is not a duration");
  }
}
