package io.hns.model.cluster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.resource.Resources;

/**
 * The scheduling-relevant part of a pod spec, compiled once per template and shared by every pod
 * created from it.
 *
 * @param requests the effective request: max(regular + sidecar containers, each init container
 *     with the sidecars started before it) + overhead ({@code resourcehelper.PodRequests})
 * @param nonZeroRequests the same with 100m CPU / 200Mi memory for each container that sets no
 *     request ({@code pkg/scheduler/util/pod_resources.go}); used by LeastAllocated scoring
 * @param requiredAffinity node affinity's required terms (OR); null when the pod sets none
 * @param nodeName {@code spec.nodeName} as the user wrote it (NodeName filter); empty if unset
 * @param usesLocalStorage a hostPath or non-memory emptyDir volume (blocks CA scale-down on
 *     upstream defaults)
 */
public record PodSpec(
    Resources requests,
    Resources nonZeroRequests,
    ImmutableList<ContainerRequest> containers,
    ImmutableMap<String, String> nodeSelector,
    ImmutableList<NodeSelectorTerm> requiredAffinity,
    ImmutableList<PreferredTerm> preferredAffinity,
    ImmutableList<Toleration> tolerations,
    ImmutableList<TopologySpreadConstraint> spreadConstraints,
    ImmutableList<PodAffinityTerm> requiredPodAffinity,
    ImmutableList<PodAffinityTerm> preferredPodAffinity,
    ImmutableList<PodAffinityTerm> requiredPodAntiAffinity,
    ImmutableList<PodAffinityTerm> preferredPodAntiAffinity,
    int priority,
    String nodeName,
    String schedulerName,
    boolean usesLocalStorage,
    String restartPolicy,
    long terminationGracePeriodSeconds) {

  public PodSpec {
    nodeName = nodeName == null ? "" : nodeName;
    schedulerName = schedulerName == null || schedulerName.isEmpty() ? "default-scheduler" : schedulerName;
    restartPolicy = restartPolicy == null || restartPolicy.isEmpty() ? "Always" : restartPolicy;
  }

  public boolean hasRequiredNodeAffinity() {
    return requiredAffinity != null;
  }

  public boolean hasPodAffinity() {
    return !requiredPodAffinity.isEmpty() || !preferredPodAffinity.isEmpty()
        || !requiredPodAntiAffinity.isEmpty() || !preferredPodAntiAffinity.isEmpty();
  }

  /** A builder with empty lists, for tests and programmatic pods. */
  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.requests = requests;
    b.nonZeroRequests = nonZeroRequests;
    b.containers = containers;
    b.nodeSelector = nodeSelector;
    b.requiredAffinity = requiredAffinity;
    b.preferredAffinity = preferredAffinity;
    b.tolerations = tolerations;
    b.spreadConstraints = spreadConstraints;
    b.requiredPodAffinity = requiredPodAffinity;
    b.preferredPodAffinity = preferredPodAffinity;
    b.requiredPodAntiAffinity = requiredPodAntiAffinity;
    b.preferredPodAntiAffinity = preferredPodAntiAffinity;
    b.priority = priority;
    b.nodeName = nodeName;
    b.schedulerName = schedulerName;
    b.usesLocalStorage = usesLocalStorage;
    b.restartPolicy = restartPolicy;
    b.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
    return b;
  }

  /** Mutable builder for {@link PodSpec}. */
  public static final class Builder {
    public Resources requests = Resources.ZERO;
    public Resources nonZeroRequests = null;
    public ImmutableList<ContainerRequest> containers = ImmutableList.of();
    public ImmutableMap<String, String> nodeSelector = ImmutableMap.of();
    public ImmutableList<NodeSelectorTerm> requiredAffinity = null;
    public ImmutableList<PreferredTerm> preferredAffinity = ImmutableList.of();
    public ImmutableList<Toleration> tolerations = ImmutableList.of();
    public ImmutableList<TopologySpreadConstraint> spreadConstraints = ImmutableList.of();
    public ImmutableList<PodAffinityTerm> requiredPodAffinity = ImmutableList.of();
    public ImmutableList<PodAffinityTerm> preferredPodAffinity = ImmutableList.of();
    public ImmutableList<PodAffinityTerm> requiredPodAntiAffinity = ImmutableList.of();
    public ImmutableList<PodAffinityTerm> preferredPodAntiAffinity = ImmutableList.of();
    public int priority;
    public String nodeName = "";
    public String schedulerName = "default-scheduler";
    public boolean usesLocalStorage;
    public String restartPolicy = "Always";
    public long terminationGracePeriodSeconds = 30;

    public Builder requests(long milliCpu, long memory) {
      this.requests = Resources.of(milliCpu, memory);
      return this;
    }

    public Builder tolerations(Toleration... t) {
      this.tolerations = ImmutableList.copyOf(t);
      return this;
    }

    public Builder nodeSelector(String... kv) {
      this.nodeSelector = Labels.of(kv).asMap();
      return this;
    }

    public Builder preferred(PreferredTerm... t) {
      this.preferredAffinity = ImmutableList.copyOf(t);
      return this;
    }

    public Builder required(NodeSelectorTerm... t) {
      this.requiredAffinity = ImmutableList.copyOf(t);
      return this;
    }

    public PodSpec build() {
      Resources nz = nonZeroRequests;
      if (nz == null) {
        // Programmatic pods state their requests directly; apply the scheduler's non-zero floor.
        nz = new Resources(
            requests.milliCpu() == 0 ? 100 : requests.milliCpu(),
            requests.memory() == 0 ? 200L * 1024 * 1024 : requests.memory(),
            requests.ephemeralStorage(), 0, requests.scalars());
      }
      return new PodSpec(requests, nz, containers, nodeSelector, requiredAffinity, preferredAffinity,
          tolerations, spreadConstraints, requiredPodAffinity, preferredPodAffinity,
          requiredPodAntiAffinity, preferredPodAntiAffinity, priority, nodeName, schedulerName,
          usesLocalStorage, restartPolicy, terminationGracePeriodSeconds);
    }
  }
}
