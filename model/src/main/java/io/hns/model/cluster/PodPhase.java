package io.hns.model.cluster;

/** Pod phase as in the API. */
public enum PodPhase {
  PENDING("Pending"),
  RUNNING("Running"),
  SUCCEEDED("Succeeded"),
  FAILED("Failed"),
  UNKNOWN("Unknown");

  private final String wireName;

  PodPhase(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** An absent phase is Pending, as the API server defaults it. */
  public static PodPhase parse(String s) {
    if (s == null || s.isEmpty()) {
      return PENDING;
    }
    for (PodPhase p : values()) {
      if (p.wireName.equals(s)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown pod phase \"" + s + "\"");
  }

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED;
  }
}
