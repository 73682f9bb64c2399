package io.hns.model.hpa;

/** One entry of {@code spec.metrics}. */
public sealed interface HpaMetric permits ResourceMetric, UnsupportedMetric {
  /** How messages name the metric, for example "cpu resource utilization". */
  String describe();
}
