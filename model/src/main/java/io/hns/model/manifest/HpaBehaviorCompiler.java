package io.hns.model.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.hns.model.hpa.HpaBehavior;
import io.hns.model.hpa.HpaScalingPolicy;
import io.hns.model.hpa.HpaScalingRules;
import io.hns.model.hpa.SelectPolicy;
import io.hns.model.resource.InvalidQuantityException;
import io.hns.model.resource.Quantities;
import java.util.List;

/** Compiles {@code spec.behavior}, leaving unset fields for {@link HpaBehavior#of} to default. */
final class HpaBehaviorCompiler {
  private HpaBehaviorCompiler() {}

  /**
   * @param tree the behavior's JSON, to tell an absent {@code policies} (defaulted) from an empty
   *     one (invalid), which fabric8 reads alike
   */
  static HpaBehavior compile(HorizontalPodAutoscalerBehavior b, JsonNode tree, String where) {
    if (b == null) {
      return null;
    }
    return HpaBehavior.of(
        rules(b.getScaleUp(), tree.path("scaleUp"), where + ": spec.behavior.scaleUp"),
        rules(b.getScaleDown(), tree.path("scaleDown"), where + ": spec.behavior.scaleDown"));
  }

  private static HpaScalingRules rules(HPAScalingRules r, JsonNode tree, String field) {
    if (r == null) {
      return null;
    }
    SelectPolicy select = null;
    if (r.getSelectPolicy() != null) {
      try {
        select = SelectPolicy.parse(r.getSelectPolicy());
      } catch (IllegalArgumentException e) {
        throw new ManifestException(field + ".selectPolicy: " + e.getMessage());
      }
    }
    ImmutableList<HpaScalingPolicy> policies = tree.has("policies") ? policies(r.getPolicies(), field + ".policies") : null;
    Double tolerance = null;
    if (r.getTolerance() != null) {
      try {
        tolerance = Quantities.parse(r.getTolerance().toString()).doubleValue();
      } catch (InvalidQuantityException e) {
        throw new ManifestException(field + ".tolerance: " + e.getMessage());
      }
    }
    try {
      return new HpaScalingRules(r.getStabilizationWindowSeconds(), select, policies, tolerance);
    } catch (IllegalArgumentException e) {
      throw new ManifestException(field + ": " + e.getMessage());
    }
  }

  private static ImmutableList<HpaScalingPolicy> policies(List<HPAScalingPolicy> list, String field) {
    ImmutableList.Builder<HpaScalingPolicy> out = ImmutableList.builder();
    List<HPAScalingPolicy> l = SelectorCompiler.nullToEmpty(list);
    for (int i = 0; i < l.size(); i++) {
      HPAScalingPolicy p = l.get(i);
      String pf = field + "[" + i + "]";
      if (p.getValue() == null) {
        throw new ManifestException(pf + ".value: required");
      }
      if (p.getPeriodSeconds() == null) {
        throw new ManifestException(pf + ".periodSeconds: required");
      }
      try {
        out.add(new HpaScalingPolicy(HpaScalingPolicy.Type.parse(p.getType()), p.getValue(), p.getPeriodSeconds()));
      } catch (IllegalArgumentException e) {
        throw new ManifestException(pf + ": " + e.getMessage());
      }
    }
    return out.build();
  }
}
