package io.hns.model.hpa;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A HorizontalPodAutoscaler's spec, defaulted as the API server stores it.
 *
 * @param metrics never empty: an HPA without metrics gets cpu at 80 % (SetDefaults_HorizontalPodAutoscaler)
 * @param behavior null when the HPA sets none: the controller then uses its legacy rules
 */
public record HpaSpec(
    String namespace,
    String name,
    ScaleTargetRef scaleTargetRef,
    int minReplicas,
    int maxReplicas,
    ImmutableList<HpaMetric> metrics,
    HpaBehavior behavior) {

  public HpaSpec {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
    metrics = metrics == null || metrics.isEmpty() ? ImmutableList.of(ResourceMetric.DEFAULT_CPU) : metrics;
    if (maxReplicas < 1) {
      throw new IllegalArgumentException("maxReplicas must be at least 1");
    }
    if (minReplicas < 0) {
      // 0 is representable (the alpha HPAScaleToZero gate); the manifest compiler rejects it as the API server does.
      throw new IllegalArgumentException("minReplicas must not be negative");
    }
    if (minReplicas > maxReplicas) {
      throw new IllegalArgumentException("minReplicas (" + minReplicas + ") must not exceed maxReplicas (" + maxReplicas + ")");
    }
  }

  public static HpaSpec of(String namespace, String name, ScaleTargetRef target, int min, int max, List<? extends HpaMetric> metrics,
      HpaBehavior behavior) {
    return new HpaSpec(namespace, name, target, min, max, ImmutableList.copyOf(metrics), behavior);
  }

  public boolean hasBehavior() {
    return behavior != null;
  }

  public String key() {
    return namespace + "/" + name;
  }
}
