package io.hns.model.hpa;

import io.hns.model.cluster.Labels;

/**
 * One pod's sample from the resource metrics API ({@code metrics.k8s.io/v1beta1} PodMetrics),
 * summed over its containers.
 *
 * @param labels the pod's labels as metrics-server copies them (the API filters on them)
 * @param timestamp the end of the sample window, epoch milliseconds
 * @param windowMs the length of the sample window
 * @param milliCpu usage in milli-cores; -1 when the sample lacks cpu for some container (or has no
 *     containers), which makes the pod "missing" for cpu just as upstream drops it
 * @param memory usage in bytes; -1 when missing in the same way
 */
public record PodUsage(
    String namespace, String name, Labels labels, long timestamp, long windowMs, long milliCpu, long memory) {

  public PodUsage {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
    labels = labels == null ? Labels.EMPTY : labels;
  }

  public static PodUsage of(String namespace, String name, long timestamp, long windowMs, long milliCpu, long memory) {
    return new PodUsage(namespace, name, Labels.EMPTY, timestamp, windowMs, milliCpu, memory);
  }

  public boolean has(MetricResource r) {
    return usage(r) >= 0;
  }

  /** In the resource's own unit: milli-cores or bytes; -1 when missing. */
  public long usage(MetricResource r) {
    return r == MetricResource.CPU ? milliCpu : memory;
  }

  /**
   * In thousandths of the unit, as the metrics client reports every resource
   * ({@code Quantity.MilliValue()}).
   */
  public long milliUsage(MetricResource r) {
    return r == MetricResource.CPU ? milliCpu : Math.multiplyExact(memory, 1000L);
  }

  public String key() {
    return namespace + "/" + name;
  }
}
