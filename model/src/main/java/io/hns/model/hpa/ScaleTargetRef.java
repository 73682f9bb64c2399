package io.hns.model.hpa;

/** {@code spec.scaleTargetRef}: the workload the HPA scales, for example Deployment web. */
public record ScaleTargetRef(String kind, String name) {
  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
