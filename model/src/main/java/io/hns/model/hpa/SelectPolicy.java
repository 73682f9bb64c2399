package io.hns.model.hpa;

/** {@code HPAScalingRules.selectPolicy}: which policy's limit wins. */
public enum SelectPolicy {
  /** The policy allowing the largest change. */
  MAX("Max"),
  /** The policy allowing the smallest change. */
  MIN("Min"),
  /** No scaling in this direction. */
  DISABLED("Disabled");

  private final String wireName;

  SelectPolicy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static SelectPolicy parse(String s) {
    for (SelectPolicy p : values()) {
      if (p.wireName.equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unsupported value \"" + s + "\" (Max, Min, Disabled)");
  }
}
