package io.hns.traces.recorded;

/**
 * {@code load}: the load observed on a workload at a sampling instant.
 *
 * @param timeMs the sample time
 * @param namespace the workload's namespace
 * @param workload the workload
 * @param metric {@value #RPS} (requests per second, e.g. from an ingress or the HPA's external
 *     metric) or {@value #CPU_MILLICORES} (total CPU usage of the workload's pods, metrics.k8s.io)
 * @param value the observed value, not negative
 */
public record LoadEntry(long timeMs, String namespace, String workload, String metric, double value)
    implements RecordedEntry {
  /** Requests per second. */
  public static final String RPS = "rps";
  /** CPU usage in millicores. */
  public static final String CPU_MILLICORES = "cpu_millicores";

  @Override
  public String type() {
    return "load";
  }

  /** {@code namespace/workload}. */
  public String workloadKey() {
    return namespace + "/" + workload;
  }
}
