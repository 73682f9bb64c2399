package io.hns.model.hpa;

/**
 * A metric the model cannot evaluate (Pods, Object, External, ContainerResource, or a Resource other
 * than cpu and memory). It is kept rather than rejected so that an HPA still compiles: like a metric
 * whose adapter is down, it counts as invalid when the replica count is computed.
 *
 * @param type the metric's {@code type}, with its name where it has one
 * @param reason why the model cannot evaluate it
 */
public record UnsupportedMetric(String type, String reason) implements HpaMetric {
  @Override
  public String describe() {
    return type;
  }
}
