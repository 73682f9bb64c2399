package io.hns.model.hpa;

/** One metric's result: a calculation, or the error that made the metric invalid. */
public record MetricOutcome(HpaMetric metric, ReplicaCalculation calculation, String error) {
  public boolean isValid() {
    return error == null;
  }
}
