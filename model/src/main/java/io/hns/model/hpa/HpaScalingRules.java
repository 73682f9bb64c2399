package io.hns.model.hpa;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * {@code HPAScalingRules} for one direction. As written by the user any field may be null (unset);
 * {@link HpaBehavior#of} fills the unset ones with the API defaults, after which only
 * {@code stabilizationWindowSeconds} of scale-down (the controller's flag, 300 s) and
 * {@code tolerance} (the controller's flag, 0.1) may remain null.
 *
 * @param tolerance the per-HPA tolerance of Kubernetes 1.33+ (feature gate
 *     HPAConfigurableTolerance); null uses the controller's
 */
public record HpaScalingRules(
    Integer stabilizationWindowSeconds, SelectPolicy selectPolicy, ImmutableList<HpaScalingPolicy> policies, Double tolerance) {

  /** pkg/apis/autoscaling/v2/defaults.go defaultHPAScaleUpRules: no window, 4 pods or 100 % per 15 s. */
  public static final HpaScalingRules SCALE_UP_DEFAULTS = new HpaScalingRules(0, SelectPolicy.MAX,
      ImmutableList.of(HpaScalingPolicy.pods(4, 15), HpaScalingPolicy.percent(100, 15)), null);

  /** defaultHPAScaleDownRules: window left to the controller flag, 100 % per 15 s. */
  public static final HpaScalingRules SCALE_DOWN_DEFAULTS =
      new HpaScalingRules(null, SelectPolicy.MAX, ImmutableList.of(HpaScalingPolicy.percent(100, 15)), null);

  /** The bounds of pkg/apis/autoscaling/validation validateScalingRules. */
  public HpaScalingRules {
    if (stabilizationWindowSeconds != null && (stabilizationWindowSeconds < 0 || stabilizationWindowSeconds > 3600)) {
      throw new IllegalArgumentException("stabilizationWindowSeconds must be between 0 and 3600");
    }
    if (policies != null && policies.isEmpty()) {
      throw new IllegalArgumentException("policies: must specify at least one Policy");
    }
    if (tolerance != null && !(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must not be negative");
    }
  }

  public static HpaScalingRules of(Integer window, SelectPolicy select, List<HpaScalingPolicy> policies) {
    return new HpaScalingRules(window, select, policies == null ? null : ImmutableList.copyOf(policies), null);
  }

  /** copyHPAScalingRules: every field this object sets wins over {@code defaults}. */
  HpaScalingRules over(HpaScalingRules defaults) {
    return new HpaScalingRules(
        stabilizationWindowSeconds != null ? stabilizationWindowSeconds : defaults.stabilizationWindowSeconds,
        selectPolicy != null ? selectPolicy : defaults.selectPolicy,
        policies != null ? policies : defaults.policies,
        tolerance != null ? tolerance : defaults.tolerance);
  }

  /** getLongestPolicyPeriod: how long scale events stay relevant. */
  public int longestPolicyPeriodSeconds() {
    int longest = 0;
    for (HpaScalingPolicy p : policies) {
      longest = Math.max(longest, p.periodSeconds());
    }
    return longest;
  }
}
