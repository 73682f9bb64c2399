package io.hns.model.hpa;

/** The two resources metrics-server reports, and so the two a Resource metric can name. */
public enum MetricResource {
  CPU("cpu"),
  MEMORY("memory");

  private final String wireName;

  MetricResource(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Null for any other name (ephemeral-storage, extended resources). */
  public static MetricResource parse(String name) {
    for (MetricResource r : values()) {
      if (r.wireName.equals(name)) {
        return r;
      }
    }
    return null;
  }
}
