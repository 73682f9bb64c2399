package io.hns.model.manifest;

import com.google.common.collect.ImmutableList;
import io.hns.model.hpa.HpaBehavior;
import io.hns.model.hpa.HpaMetric;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.ResourceMetric;
import io.hns.model.hpa.ScaleTargetRef;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a HorizontalPodAutoscaler ({@code autoscaling/v2}, or {@code autoscaling/v1} converted
 * the way the API server converts it) into an {@link HpaSpec}, with the API's defaults and
 * validation.
 */
public final class HpaCompiler {
  public static final String KIND = "HorizontalPodAutoscaler";

  /** v1 objects read back from a v2 HPA carry the v2-only fields here (pkg/apis/autoscaling/v1 conversion). */
  private static final Set<String> V2_ANNOTATIONS =
      Set.of("autoscaling.alpha.kubernetes.io/metrics", "autoscaling.alpha.kubernetes.io/behavior");

  private HpaCompiler() {}

  public static HpaSpec compile(SourcedObject o) {
    FabricObjects.requireKind(o, Set.of(KIND), "an HPA file");
    return switch (o.apiVersion()) {
      case "autoscaling/v2", "autoscaling/v2beta2" -> compileV2(o);
      case "autoscaling/v1" -> compileV1(o);
      default -> throw new ManifestException(o.describe() + ": apiVersion \"" + o.apiVersion()
          + "\" is not supported (autoscaling/v2 or autoscaling/v1)");
    };
  }

  private static HpaSpec compileV2(SourcedObject o) {
    var hpa = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class);
    String where = o.describe();
    requireName(o, hpa.getMetadata());
    var spec = hpa.getSpec();
    if (spec == null) {
      throw new ManifestException(where + ": spec is required");
    }
    var ref = spec.getScaleTargetRef();
    ScaleTargetRef target = targetRef(where, ref == null ? null : ref.getKind(), ref == null ? null : ref.getName());
    ImmutableList<HpaMetric> metrics = HpaMetricsCompiler.compile(spec.getMetrics(), where);
    HpaBehavior behavior = HpaBehaviorCompiler.compile(spec.getBehavior(), o.tree().path("spec").path("behavior"), where);
    return build(o, target, spec.getMinReplicas(), spec.getMaxReplicas(), metrics, behavior);
  }

  /**
   * autoscaling/v1 has a single knob, {@code targetCPUUtilizationPercentage}, which becomes a cpu
   * Utilization metric; without it the v2 default (cpu 80 %) applies.
   */
  private static HpaSpec compileV1(SourcedObject o) {
    var hpa = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class);
    String where = o.describe();
    requireName(o, hpa.getMetadata());
    Map<String, String> annotations = hpa.getMetadata().getAnnotations();
    for (String a : V2_ANNOTATIONS) {
      if (annotations != null && annotations.containsKey(a)) {
        // These hold v2 fields in an internal encoding; the v2 form of the same object is exact.
        throw new ManifestException(where + ": metadata.annotations[" + a + "]: this v1 HPA carries v2 fields; "
            + "export it as autoscaling/v2 instead (kubectl get hpa.v2.autoscaling " + o.name() + " -o yaml)");
      }
    }
    var spec = hpa.getSpec();
    if (spec == null) {
      throw new ManifestException(where + ": spec is required");
    }
    var ref = spec.getScaleTargetRef();
    ScaleTargetRef target = targetRef(where, ref == null ? null : ref.getKind(), ref == null ? null : ref.getName());
    Integer cpu = spec.getTargetCPUUtilizationPercentage();
    ImmutableList<HpaMetric> metrics = ImmutableList.of();
    if (cpu != null) {
      if (cpu < 1) {
        throw new ManifestException(where + ": spec.targetCPUUtilizationPercentage: must be greater than 0");
      }
      metrics = ImmutableList.of(ResourceMetric.cpuUtilization(cpu));
    }
    return build(o, target, spec.getMinReplicas(), spec.getMaxReplicas(), metrics, null);
  }

  private static HpaSpec build(SourcedObject o, ScaleTargetRef target, Integer min, Integer max,
      ImmutableList<HpaMetric> metrics, HpaBehavior behavior) {
    String where = o.describe();
    int minReplicas = min == null ? 1 : min;
    if (minReplicas < 1) {
      throw new ManifestException(where + ": spec.minReplicas: must be at least 1"
          + (minReplicas == 0 ? " (0 needs the alpha HPAScaleToZero feature gate)" : ""));
    }
    if (max == null) {
      throw new ManifestException(where + ": spec.maxReplicas is required");
    }
    if (max < minReplicas) {
      throw new ManifestException(where + ": spec.maxReplicas: must be greater than or equal to minReplicas ("
          + minReplicas + ")");
    }
    return new HpaSpec(o.namespace(), o.name(), target, minReplicas, max, metrics, behavior);
  }

  private static ScaleTargetRef targetRef(String where, String kind, String name) {
    if (kind == null || kind.isEmpty()) {
      throw new ManifestException(where + ": spec.scaleTargetRef.kind is required");
    }
    if (name == null || name.isEmpty()) {
      throw new ManifestException(where + ": spec.scaleTargetRef.name is required");
    }
    return new ScaleTargetRef(kind, name);
  }

  private static void requireName(SourcedObject o, io.fabric8.kubernetes.api.model.ObjectMeta meta) {
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new ManifestException(o.where() + ": " + KIND + " has no metadata.name");
    }
  }
}
