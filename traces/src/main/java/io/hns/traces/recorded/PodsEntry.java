package io.hns.traces.recorded;

/**
 * {@code pods}: pod counts by node kind at a sampling instant, for one workload or (namespace and
 * workload absent) the whole cluster without kube-system; the same counts as the simulator's
 * timeline.csv.
 *
 * @param timeMs the sample time
 * @param namespace the workload's namespace, or {@code null} for the cluster
 * @param workload the workload, or {@code null} for the cluster
 * @param runningVm pods Running on VM nodes
 * @param runningVirtual pods Running on the virtual node
 * @param readyVm pods Ready on VM nodes
 * @param readyVirtual pods Ready on the virtual node
 * @param pending active pods not Running (unscheduled, creating, ProviderFailed)
 */
public record PodsEntry(long timeMs, String namespace, String workload, int runningVm, int runningVirtual,
    int readyVm, int readyVirtual, int pending) implements RecordedEntry {
  @Override
  public String type() {
    return "pods";
  }
}
