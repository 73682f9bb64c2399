package io.hns.model.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.model.manifest.HpaCompiler;
import io.hns.model.manifest.ManifestException;
import io.hns.model.manifest.ManifestReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** HpaCompiler: the API server's defaulting (pkg/apis/autoscaling/v2/defaults.go), validation and v1 conversion. */
class HpaCompilerTest {
  static Path fixture(String name) {
    try {
      return Path.of(HpaCompilerTest.class.getResource("/hpa/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HpaSpec compile(String name) {
    return HpaCompiler.compile(ManifestReader.read(fixture(name)).get(0));
  }

  private static HpaSpec compileText(String yaml) {
    return HpaCompiler.compile(ManifestReader.read("hpa.yaml", yaml).get(0));
  }

  private static final String HEADER = """
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: web}
      spec:
        scaleTargetRef: {kind: Deployment, name: web}
      """;

  /** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: fields the user sets win, unset ones are defaulted. */
  @Test
  void v2WithPartialBehavior() {
    HpaSpec s = compile("hpa-v2-behavior.yaml");
    assertThat(s.key()).isEqualTo("shop/web");
    assertThat(s.scaleTargetRef()).isEqualTo(new ScaleTargetRef("Deployment", "web"));
    assertThat(s.minReplicas()).isEqualTo(2);
    assertThat(s.maxReplicas()).isEqualTo(30);
    assertThat(s.metrics()).hasSize(3);
    assertThat(s.metrics().get(0)).isEqualTo(ResourceMetric.cpuUtilization(60));
    assertThat(s.metrics().get(1)).isEqualTo(
        new ResourceMetric(MetricResource.MEMORY, MetricTarget.averageMilliValue(512L * 1024 * 1024 * 1000)));
    assertThat(s.metrics().get(2)).isInstanceOf(UnsupportedMetric.class);
    assertThat(s.metrics().get(2).describe()).isEqualTo("Pods metric http_requests_per_second");
    HpaScalingRules up = s.behavior().scaleUp();
    assertThat(up.selectPolicy()).isEqualTo(SelectPolicy.MIN);
    assertThat(up.stabilizationWindowSeconds()).isZero();
    assertThat(up.policies()).isEqualTo(HpaScalingRules.SCALE_UP_DEFAULTS.policies());
    HpaScalingRules down = s.behavior().scaleDown();
    assertThat(down.stabilizationWindowSeconds()).isEqualTo(120);
    assertThat(down.selectPolicy()).isEqualTo(SelectPolicy.MAX);
    assertThat(down.policies()).containsExactly(HpaScalingPolicy.pods(2, 60), HpaScalingPolicy.percent(10, 30));
  }

  /** SetDefaults_HorizontalPodAutoscaler: minReplicas 1, metrics cpu Utilization 80; behavior stays nil (legacy path). */
  @Test
  void v2Defaults() {
    HpaSpec s = compile("hpa-v2-minimal.json");
    assertThat(s.namespace()).isEqualTo("default");
    assertThat(s.minReplicas()).isEqualTo(1);
    assertThat(s.metrics()).containsExactly(ResourceMetric.DEFAULT_CPU);
    assertThat(s.behavior()).isNull();
  }

  /** autoscaling/v1 conversion: targetCPUUtilizationPercentage becomes a cpu Utilization metric, no behavior. */
  @Test
  void v1IsConverted() {
    HpaSpec s = compile("hpa-v1.yaml");
    assertThat(s.key()).isEqualTo("shop/legacy");
    assertThat(s.minReplicas()).isEqualTo(3);
    assertThat(s.maxReplicas()).isEqualTo(12);
    assertThat(s.metrics()).containsExactly(ResourceMetric.cpuUtilization(70));
    assertThat(s.behavior()).isNull();
  }

  /** autoscaling/v1 without a target: the v2 default of cpu 80 %. */
  @Test
  void v1WithoutTargetDefaultsToEightyPercent() {
    HpaSpec s = compileText("""
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata: {name: web}
        spec:
          scaleTargetRef: {kind: Deployment, name: web}
          maxReplicas: 3
        """);
    assertThat(s.metrics()).containsExactly(ResourceMetric.DEFAULT_CPU);
  }

  /** behavior: {} is not nil: both directions take their defaults (the behavior path, not the legacy one). */
  @Test
  void emptyBehaviorIsDefaulted() {
    HpaSpec s = compileText(HEADER + "  maxReplicas: 3\n  behavior: {}\n");
    assertThat(s.behavior()).isEqualTo(HpaBehavior.defaults());
  }

  /** A malformed quantity names the file, the object and the field. */
  @Test
  void badQuantityNamesFileAndField() {
    assertThatThrownBy(() -> compile("hpa-bad-quantity.yaml"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("hpa-bad-quantity.yaml:1 (HorizontalPodAutoscaler broken)")
        .hasMessageContaining("spec.metrics[0].resource.target.averageValue")
        .hasMessageContaining("12 gigs");
  }

  /** Validation (pkg/apis/autoscaling/validation): each rejected field is named. */
  @Test
  void validationErrorsNameTheField() {
    List<String[]> cases = List.of(
        new String[] {"  minReplicas: 2\n", "spec.maxReplicas is required"},
        new String[] {"  minReplicas: 0\n  maxReplicas: 2\n", "spec.minReplicas: must be at least 1"},
        new String[] {"  minReplicas: 5\n  maxReplicas: 2\n", "spec.maxReplicas: must be greater than or equal to minReplicas"},
        new String[] {"  maxReplicas: 2\n  behavior: {scaleUp: {selectPolicy: Fastest}}\n",
            "spec.behavior.scaleUp.selectPolicy: unsupported value \"Fastest\""},
        new String[] {"  maxReplicas: 2\n  behavior: {scaleDown: {policies: []}}\n",
            "spec.behavior.scaleDown: policies: must specify at least one Policy"},
        new String[] {"  maxReplicas: 2\n  behavior: {scaleDown: {policies: [{type: Pods, value: 1, periodSeconds: 3600}]}}\n",
            "spec.behavior.scaleDown.policies[0]: periodSeconds must be between 1 and 1800"},
        new String[] {"  maxReplicas: 2\n  behavior: {scaleUp: {stabilizationWindowSeconds: 4000}}\n",
            "spec.behavior.scaleUp: stabilizationWindowSeconds must be between 0 and 3600"},
        new String[] {"  maxReplicas: 2\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization}}}]\n",
            "spec.metrics[0].resource.target: must set either"},
        new String[] {"  maxReplicas: 2\n  metrics: [{type: Magic}]\n", "spec.metrics[0].type: unsupported value \"Magic\""});
    for (String[] c : cases) {
      assertThatThrownBy(() -> compileText(HEADER + c[0]))
          .as(c[0])
          .isInstanceOf(ManifestException.class)
          .hasMessageContaining("hpa.yaml:1 (HorizontalPodAutoscaler web)")
          .hasMessageContaining(c[1]);
    }
  }

  /** The v1 form of a v2 HPA hides v2 fields in annotations; rather than half-read it, ask for the v2 form. */
  @Test
  void v1WithV2AnnotationsIsRejected() {
    assertThatThrownBy(() -> compileText("""
        apiVersion: autoscaling/v1
        kind: HorizontalPodAutoscaler
        metadata:
          name: web
          annotations:
            autoscaling.alpha.kubernetes.io/behavior: '{"ScaleUp":{"SelectPolicy":"Min"}}'
        spec:
          scaleTargetRef: {kind: Deployment, name: web}
          maxReplicas: 3
        """)).isInstanceOf(ManifestException.class).hasMessageContaining("export it as autoscaling/v2");
  }

  /** Only autoscaling/v2 (and the identical v2beta2) and v1 are read. */
  @Test
  void unknownApiVersionIsRejected() {
    assertThatThrownBy(() -> compileText(HEADER.replace("autoscaling/v2", "autoscaling/v2beta1") + "  maxReplicas: 3\n"))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("apiVersion \"autoscaling/v2beta1\" is not supported");
  }
}
