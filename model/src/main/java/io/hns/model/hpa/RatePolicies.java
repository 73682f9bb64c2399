package io.hns.model.hpa;

/**
 * horizontal.go calculateScaleUpLimitWithScalingRules and calculateScaleDownLimitWithBehaviors:
 * the furthest the policies let the count move from where it stood at the start of each policy's
 * period ({@code current - added + removed} within that period).
 */
final class RatePolicies {
  private RatePolicies() {}

  /** The highest count the scale-up policies allow; {@code current} when disabled. */
  static int scaleUpLimit(int current, HpaHistory history, HpaScalingRules rules, long now) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean pickMin = rules.selectPolicy() == SelectPolicy.MIN;
    int result = pickMin ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (HpaScalingPolicy p : rules.policies()) {
      int start = periodStart(current, history, p, now);
      int proposed = p.type() == HpaScalingPolicy.Type.PODS
          ? start + p.value()
          // Rounded up, or a small target could never grow by a percentage.
          : (int) Math.ceil((double) start * (1 + (double) p.value() / 100));
      result = pickMin ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return result;
  }

  /**
   * The lowest count the scale-down policies allow; {@code current} when disabled. "Max" means the
   * largest change, so the lowest count.
   */
  static int scaleDownLimit(int current, HpaHistory history, HpaScalingRules rules, long now) {
    if (rules.selectPolicy() == SelectPolicy.DISABLED) {
      return current;
    }
    boolean pickMin = rules.selectPolicy() == SelectPolicy.MIN;
    int result = pickMin ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (HpaScalingPolicy p : rules.policies()) {
      int start = periodStart(current, history, p, now);
      int proposed = p.type() == HpaScalingPolicy.Type.PODS
          ? start - p.value()
          : (int) ((double) start * (1 - (double) p.value() / 100));
      result = pickMin ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return result;
  }

  private static int periodStart(int current, HpaHistory history, HpaScalingPolicy p, long now) {
    int added = HpaHistory.replicasChangedWithin(history.scaleUpEvents(), p.periodSeconds(), now);
    int removed = HpaHistory.replicasChangedWithin(history.scaleDownEvents(), p.periodSeconds(), now);
    return current - added + removed;
  }
}
