package io.hns.model.hpa;

/**
 * {@code spec.behavior} with the API defaults applied. An HPA without behavior has none at all
 * (the API does not default it) and takes the controller's legacy path.
 */
public record HpaBehavior(HpaScalingRules scaleUp, HpaScalingRules scaleDown) {

  public HpaBehavior {
    if (scaleUp == null || scaleDown == null || scaleUp.policies() == null || scaleDown.policies() == null
        || scaleUp.selectPolicy() == null || scaleDown.selectPolicy() == null) {
      throw new IllegalArgumentException("use HpaBehavior.of to fill unset fields");
    }
  }

  /**
   * SetDefaults_HorizontalPodAutoscalerBehavior: each direction's unset fields (or the whole
   * direction when null) come from the defaults.
   */
  public static HpaBehavior of(HpaScalingRules scaleUp, HpaScalingRules scaleDown) {
    return new HpaBehavior(
        scaleUp == null ? HpaScalingRules.SCALE_UP_DEFAULTS : scaleUp.over(HpaScalingRules.SCALE_UP_DEFAULTS),
        scaleDown == null ? HpaScalingRules.SCALE_DOWN_DEFAULTS : scaleDown.over(HpaScalingRules.SCALE_DOWN_DEFAULTS));
  }

  /** {@code behavior: {}}: both directions at their defaults. */
  public static HpaBehavior defaults() {
    return of(null, null);
  }
}
