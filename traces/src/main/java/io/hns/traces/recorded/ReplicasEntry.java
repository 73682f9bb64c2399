package io.hns.traces.recorded;

/**
 * {@code replicas}: a workload's replica counts at a sampling instant.
 *
 * @param timeMs the sample time
 * @param namespace the workload's namespace
 * @param workload the Deployment (or other scalable) name
 * @param desired {@code spec.replicas}
 * @param ready {@code status.readyReplicas}
 */
public record ReplicasEntry(long timeMs, String namespace, String workload, int desired, int ready)
    implements RecordedEntry {
  @Override
  public String type() {
    return "replicas";
  }
}
