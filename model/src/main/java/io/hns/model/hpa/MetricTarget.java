package io.hns.model.hpa;

/**
 * A Resource metric's target: a percentage of the pods' requests, or an average per pod.
 *
 * @param averageUtilization percent of request, for {@link Type#UTILIZATION}
 * @param averageMilliValue the per-pod average in thousandths of the resource's unit (milli-cores
 *     for cpu, milli-bytes for memory), for {@link Type#AVERAGE_VALUE}; upstream compares
 *     {@code target.AverageValue.MilliValue()} with milli-value samples
 */
public record MetricTarget(Type type, int averageUtilization, long averageMilliValue) {

  /** {@code autoscaling/v2} MetricTargetType, restricted to what a Resource metric accepts. */
  public enum Type {
    UTILIZATION,
    AVERAGE_VALUE
  }

  public MetricTarget {
    if (type == Type.UTILIZATION && averageUtilization <= 0) {
      throw new IllegalArgumentException("averageUtilization must be positive");
    }
    if (type == Type.AVERAGE_VALUE && averageMilliValue <= 0) {
      throw new IllegalArgumentException("averageValue must be positive");
    }
  }

  public static MetricTarget utilization(int percent) {
    return new MetricTarget(Type.UTILIZATION, percent, 0);
  }

  public static MetricTarget averageMilliValue(long milli) {
    return new MetricTarget(Type.AVERAGE_VALUE, 0, milli);
  }
}
