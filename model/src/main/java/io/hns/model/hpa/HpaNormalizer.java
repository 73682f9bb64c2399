package io.hns.model.hpa;

/**
 * horizontal.go normalizeDesiredReplicas (no behavior: the legacy rules) and
 * normalizeDesiredReplicasWithBehaviors.
 */
public final class HpaNormalizer {
  /** calculateScaleUpLimit: without behavior, at most double (and at least 4) per sync. */
  static final double LEGACY_SCALE_UP_FACTOR = 2.0;
  static final double LEGACY_SCALE_UP_MINIMUM = 4.0;

  private final HpaControllerConfig config;

  public HpaNormalizer(HpaControllerConfig config) {
    this.config = config;
  }

  public Normalization normalize(HpaSpec spec, int currentReplicas, int proposedReplicas, HpaHistory history, long now) {
    return spec.behavior() == null
        ? legacy(spec, currentReplicas, proposedReplicas, history, now)
        : withBehavior(spec, spec.behavior(), currentReplicas, proposedReplicas, history, now);
  }

  /**
   * stabilizeRecommendation + convertDesiredReplicasWithRules: the highest recommendation of the
   * downscale-stabilization window (samples at or after its start count), then min and the
   * scale-up limit max(2 x current, 4) capped by max.
   */
  private Normalization legacy(HpaSpec spec, int current, int proposed, HpaHistory history, long now) {
    long cutoff = now - config.downscaleStabilizationMs();
    int stabilized = proposed;
    int oldIndex = -1;
    for (int i = 0; i < history.recommendations().size(); i++) {
      HpaHistory.Recommendation r = history.recommendations().get(i);
      if (r.time() < cutoff) {
        oldIndex = i;
      } else if (r.replicas() > stabilized) {
        stabilized = r.replicas();
      }
    }
    HpaHistory recorded = history.withRecommendation(proposed, now, oldIndex);
    String stabilization = stabilized != proposed ? "ScaleDownStabilized" : "ReadyForNewScale";

    int scaleUpLimit = (int) Math.max(LEGACY_SCALE_UP_FACTOR * current, LEGACY_SCALE_UP_MINIMUM);
    int maxAllowed;
    String limit;
    String message;
    if (spec.maxReplicas() > scaleUpLimit) {
      maxAllowed = scaleUpLimit;
      limit = "ScaleUpLimit";
      message = "the desired replica count is increasing faster than the maximum scale rate";
    } else {
      maxAllowed = spec.maxReplicas();
      limit = "TooManyReplicas";
      message = "the desired replica count is more than the maximum replica count";
    }
    int desired = stabilized;
    if (stabilized < spec.minReplicas()) {
      desired = spec.minReplicas();
      limit = "TooFewReplicas";
      message = "the desired replica count is less than the minimum replica count";
    } else if (stabilized > maxAllowed) {
      desired = maxAllowed;
    } else {
      limit = "DesiredWithinRange";
      message = "the desired count is within the acceptable range";
    }
    return new Normalization(proposed, stabilized, desired, spec.minReplicas(), maxAllowed, stabilization, limit, message,
        recorded);
  }

  /**
   * stabilizeRecommendationWithBehaviors + convertDesiredReplicasWithBehaviorRate. A scale-up may
   * go no higher than the lowest recommendation of the scale-up window, a scale-down no lower than
   * the highest of the scale-down window (samples strictly after a window's start count); then the
   * rate policies cap the change against the count at the start of each policy's period.
   */
  private Normalization withBehavior(HpaSpec spec, HpaBehavior behavior, int current, int proposed, HpaHistory history,
      long now) {
    long upCutoff = now - behavior.scaleUp().stabilizationWindowSeconds() * 1000L;
    Integer downWindow = behavior.scaleDown().stabilizationWindowSeconds();
    long downCutoff = now - (downWindow != null ? downWindow * 1000L : config.downscaleStabilizationMs());
    int upRecommendation = proposed;
    int downRecommendation = proposed;
    int oldIndex = -1;
    for (int i = 0; i < history.recommendations().size(); i++) {
      HpaHistory.Recommendation r = history.recommendations().get(i);
      if (r.time() > upCutoff) {
        upRecommendation = Math.min(r.replicas(), upRecommendation);
      }
      if (r.time() > downCutoff) {
        downRecommendation = Math.max(r.replicas(), downRecommendation);
      }
      if (r.time() < upCutoff && r.time() < downCutoff) {
        oldIndex = i;
      }
    }
    int stabilized = Math.min(Math.max(current, upRecommendation), downRecommendation);
    HpaHistory recorded = history.withRecommendation(proposed, now, oldIndex);
    String stabilization = stabilized == proposed ? "ReadyForNewScale"
        : proposed >= current ? "ScaleUpStabilized" : "ScaleDownStabilized";

    int desired = stabilized;
    int lowest = spec.minReplicas();
    int highest = spec.maxReplicas();
    String limit = "DesiredWithinRange";
    String message = "the desired count is within the acceptable range";
    if (stabilized > current) {
      int rateLimit = Math.max(current, RatePolicies.scaleUpLimit(current, history, behavior.scaleUp(), now));
      int maxAllowed = spec.maxReplicas();
      String reason = "TooManyReplicas";
      String why = "the desired replica count is more than the maximum replica count";
      if (maxAllowed > rateLimit) {
        maxAllowed = rateLimit;
        reason = "ScaleUpLimit";
        why = "the desired replica count is increasing faster than the maximum scale rate";
      }
      highest = maxAllowed;
      if (stabilized > maxAllowed) {
        desired = maxAllowed;
        limit = reason;
        message = why;
      }
    } else if (stabilized < current) {
      int rateLimit = Math.min(current, RatePolicies.scaleDownLimit(current, history, behavior.scaleDown(), now));
      int minAllowed = spec.minReplicas();
      String reason = "TooFewReplicas";
      String why = "the desired replica count is less than the minimum replica count";
      if (minAllowed < rateLimit) {
        minAllowed = rateLimit;
        reason = "ScaleDownLimit";
        why = "the desired replica count is decreasing faster than the maximum scale rate";
      }
      lowest = minAllowed;
      if (stabilized < minAllowed) {
        desired = minAllowed;
        limit = reason;
        message = why;
      }
    }
    return new Normalization(proposed, stabilized, desired, lowest, highest, stabilization, limit, message, recorded);
  }
}
