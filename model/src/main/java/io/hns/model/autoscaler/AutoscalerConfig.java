package io.hns.model.autoscaler;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The cluster autoscaler's flags (CA {@code config/flags/flags.go}), with the values of the AKS
 * default autoscaler profile from {@link #aksDefaults()} (azure-aks-docs
 * {@code cluster-autoscaler.md}): where AKS differs from upstream ({@code
 * skip-nodes-with-local-storage=false}, {@code scale-down-delay-after-delete} = scan interval) the
 * AKS value wins.
 *
 * @param scanInterval how often the autoscaler loop runs; the caller schedules the runs
 * @param scaleDownUtilizationThreshold a node is underutilized when max(cpu, memory) requests over
 *     allocatable is strictly below this
 * @param expanderPriorities for {@link ExpanderKind#PRIORITY}: node group id regular expression
 *     (unanchored, as Go's {@code regexp.FindStringIndex}) to priority; higher wins
 * @param nodeGroupBackoffReset a group's backoff is forgotten this long after its last failure
 * @param maxEmptyBulkDelete empty nodes deleted per loop (also the scale-down parallelism budget)
 * @param expendablePodsPriorityCutoff pods with a lower priority neither trigger scale-up nor count
 *     in the simulation
 * @param maxNodesTotal cluster-wide node cap, 0 for none
 * @param maxGracefulTermination how long a drained node waits for its evicted pods to terminate
 */
public record AutoscalerConfig(
    Duration scanInterval,
    double scaleDownUtilizationThreshold,
    Duration scaleDownUnneededTime,
    Duration scaleDownUnreadyTime,
    Duration scaleDownDelayAfterAdd,
    Duration scaleDownDelayAfterDelete,
    Duration scaleDownDelayAfterFailure,
    Duration maxNodeProvisionTime,
    ExpanderKind expander,
    Map<String, Integer> expanderPriorities,
    Duration initialNodeGroupBackoff,
    Duration maxNodeGroupBackoff,
    Duration nodeGroupBackoffReset,
    int maxEmptyBulkDelete,
    boolean skipNodesWithSystemPods,
    boolean skipNodesWithLocalStorage,
    int expendablePodsPriorityCutoff,
    Duration newPodScaleUpDelay,
    int maxNodesTotal,
    boolean scaleDownEnabled,
    Duration maxGracefulTermination) {

  /** The {@code --expander} choices. */
  public enum ExpanderKind {
    RANDOM,
    LEAST_WASTE,
    MOST_PODS,
    PRIORITY
  }

  public AutoscalerConfig {
    Objects.requireNonNull(scanInterval);
    Objects.requireNonNull(expander);
    expanderPriorities = expanderPriorities == null
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(expanderPriorities));
    if (scaleDownUtilizationThreshold < 0 || scaleDownUtilizationThreshold > 1) {
      throw new IllegalArgumentException("scaleDownUtilizationThreshold must be within [0, 1]");
    }
    if (maxEmptyBulkDelete < 1) {
      throw new IllegalArgumentException("maxEmptyBulkDelete must be at least 1");
    }
    if (maxNodesTotal < 0) {
      throw new IllegalArgumentException("maxNodesTotal must be 0 (no cap) or positive");
    }
  }

  /** The AKS default autoscaler profile. */
  public static AutoscalerConfig aksDefaults() {
    Duration scan = Duration.ofSeconds(10);
    return new AutoscalerConfig(
        scan,
        0.5,
        Duration.ofMinutes(10),
        Duration.ofMinutes(20),
        Duration.ofMinutes(10),
        scan,
        Duration.ofMinutes(3),
        Duration.ofMinutes(15),
        ExpanderKind.RANDOM,
        Map.of(),
        Duration.ofMinutes(5),
        Duration.ofMinutes(30),
        Duration.ofHours(3),
        10,
        true,
        false,
        -10,
        Duration.ZERO,
        0,
        true,
        Duration.ofSeconds(600));
  }

  public AutoscalerConfig withExpander(ExpanderKind kind, Map<String, Integer> priorities) {
    return new AutoscalerConfig(scanInterval, scaleDownUtilizationThreshold, scaleDownUnneededTime,
        scaleDownUnreadyTime, scaleDownDelayAfterAdd, scaleDownDelayAfterDelete,
        scaleDownDelayAfterFailure, maxNodeProvisionTime, kind, priorities, initialNodeGroupBackoff,
        maxNodeGroupBackoff, nodeGroupBackoffReset, maxEmptyBulkDelete, skipNodesWithSystemPods,
        skipNodesWithLocalStorage, expendablePodsPriorityCutoff, newPodScaleUpDelay, maxNodesTotal,
        scaleDownEnabled, maxGracefulTermination);
  }

  public AutoscalerConfig withMaxNodesTotal(int max) {
    return new AutoscalerConfig(scanInterval, scaleDownUtilizationThreshold, scaleDownUnneededTime,
        scaleDownUnreadyTime, scaleDownDelayAfterAdd, scaleDownDelayAfterDelete,
        scaleDownDelayAfterFailure, maxNodeProvisionTime, expander, expanderPriorities,
        initialNodeGroupBackoff, maxNodeGroupBackoff, nodeGroupBackoffReset, maxEmptyBulkDelete,
        skipNodesWithSystemPods, skipNodesWithLocalStorage, expendablePodsPriorityCutoff,
        newPodScaleUpDelay, max, scaleDownEnabled, maxGracefulTermination);
  }

  public AutoscalerConfig withScaleDownEnabled(boolean enabled) {
    return new AutoscalerConfig(scanInterval, scaleDownUtilizationThreshold, scaleDownUnneededTime,
        scaleDownUnreadyTime, scaleDownDelayAfterAdd, scaleDownDelayAfterDelete,
        scaleDownDelayAfterFailure, maxNodeProvisionTime, expander, expanderPriorities,
        initialNodeGroupBackoff, maxNodeGroupBackoff, nodeGroupBackoffReset, maxEmptyBulkDelete,
        skipNodesWithSystemPods, skipNodesWithLocalStorage, expendablePodsPriorityCutoff,
        newPodScaleUpDelay, maxNodesTotal, enabled, maxGracefulTermination);
  }

  public AutoscalerConfig withSkipNodesWithLocalStorage(boolean skip) {
    return new AutoscalerConfig(scanInterval, scaleDownUtilizationThreshold, scaleDownUnneededTime,
        scaleDownUnreadyTime, scaleDownDelayAfterAdd, scaleDownDelayAfterDelete,
        scaleDownDelayAfterFailure, maxNodeProvisionTime, expander, expanderPriorities,
        initialNodeGroupBackoff, maxNodeGroupBackoff, nodeGroupBackoffReset, maxEmptyBulkDelete,
        skipNodesWithSystemPods, skip, expendablePodsPriorityCutoff, newPodScaleUpDelay,
        maxNodesTotal, scaleDownEnabled, maxGracefulTermination);
  }
}
