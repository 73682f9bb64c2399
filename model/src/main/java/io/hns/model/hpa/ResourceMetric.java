package io.hns.model.hpa;

/** A {@code type: Resource} metric: cpu or memory of the whole pod, against a target. */
public record ResourceMetric(MetricResource resource, MetricTarget target) implements HpaMetric {

  /** The API default when {@code spec.metrics} is empty: cpu at 80 % of request. */
  public static final ResourceMetric DEFAULT_CPU = new ResourceMetric(MetricResource.CPU, MetricTarget.utilization(80));

  public static ResourceMetric cpuUtilization(int percent) {
    return new ResourceMetric(MetricResource.CPU, MetricTarget.utilization(percent));
  }

  public static ResourceMetric memoryUtilization(int percent) {
    return new ResourceMetric(MetricResource.MEMORY, MetricTarget.utilization(percent));
  }

  @Override
  public String describe() {
    // The wording of horizontal.go's metricNameProposal.
    return target.type() == MetricTarget.Type.UTILIZATION
        ? resource.wireName() + " resource utilization (percentage of request)"
        : resource.wireName() + " resource";
  }
}
