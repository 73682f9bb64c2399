package io.hns.model.hpa;

/**
 * One {@code HPAScalingPolicy}: at most {@code value} pods, or {@code value} percent, of change
 * within any {@code periodSeconds}.
 */
public record HpaScalingPolicy(Type type, int value, int periodSeconds) {

  /** {@code HPAScalingPolicyType}. */
  public enum Type {
    PODS("Pods"),
    PERCENT("Percent");

    private final String wireName;

    Type(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }

    public static Type parse(String s) {
      for (Type t : values()) {
        if (t.wireName.equals(s)) {
          return t;
        }
      }
      throw new IllegalArgumentException("unsupported value \"" + s + "\" (Pods, Percent)");
    }
  }

  /** The bounds of pkg/apis/autoscaling/validation validateScalingPolicy. */
  public HpaScalingPolicy {
    if (value <= 0) {
      throw new IllegalArgumentException("value must be greater than zero");
    }
    if (periodSeconds <= 0 || periodSeconds > 1800) {
      throw new IllegalArgumentException("periodSeconds must be between 1 and 1800");
    }
  }

  public static HpaScalingPolicy pods(int value, int periodSeconds) {
    return new HpaScalingPolicy(Type.PODS, value, periodSeconds);
  }

  public static HpaScalingPolicy percent(int value, int periodSeconds) {
    return new HpaScalingPolicy(Type.PERCENT, value, periodSeconds);
  }

  @Override
  public String toString() {
    return value + (type == Type.PERCENT ? "%" : " pods") + " per " + periodSeconds + "s";
  }
}
