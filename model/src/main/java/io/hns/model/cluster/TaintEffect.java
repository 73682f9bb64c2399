package io.hns.model.cluster;

/** The effect of a node taint, as spelled in the API. */
public enum TaintEffect {
  NO_SCHEDULE("NoSchedule"),
  PREFER_NO_SCHEDULE("PreferNoSchedule"),
  NO_EXECUTE("NoExecute");

  private final String wireName;

  TaintEffect(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses the API spelling; null or empty gives null (a toleration that matches every effect). */
  public static TaintEffect parse(String s) {
    if (s == null || s.isEmpty()) {
      return null;
    }
    for (TaintEffect e : values()) {
      if (e.wireName.equals(s)) {
        return e;
      }
    }
    throw new IllegalArgumentException(
        "unknown taint effect \"" + s + "\" (expected NoSchedule, PreferNoSchedule or NoExecute)");
  }
}
