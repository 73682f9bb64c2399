package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Times;
import java.util.Set;

/**
 * The default drainability rules in upstream order (CA {@code simulator/drainability/rules/rules.go}):
 * mirror, long-terminating, custom controller, then the interrupting checks DaemonSet,
 * safe-to-evict "true", terminal, then the blocking checks replicated, system, not-safe-to-evict,
 * local storage. The first rule with an opinion decides; a pod no rule minds must be moved.
 *
 * <p>Simplified: the view carries no PodDisruptionBudgets, so the system rule treats every
 * kube-system pod as having none (it blocks unless safe-to-evict is "true"), and the PDB rule is left
 * to the eviction API at drain time ({@code evictPod} returning false). Controllers are not looked
 * up: a ReplicaSet, ReplicationController, Job or StatefulSet owner counts as replicated (the
 * min-replica-count check is 0 on AKS).
 */
final class DrainabilityRules {
  static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";
  /** drain.PodLongTerminatingExtraThreshold. */
  static final long LONG_TERMINATING_EXTRA_MS = 30_000;

  private static final Set<String> REPLICATED_KINDS = Set.of("ReplicationController", "Job", "ReplicaSet", "StatefulSet");

  private final boolean skipNodesWithSystemPods;
  private final boolean skipNodesWithLocalStorage;

  DrainabilityRules(boolean skipNodesWithSystemPods, boolean skipNodesWithLocalStorage) {
    this.skipNodesWithSystemPods = skipNodesWithSystemPods;
    this.skipNodesWithLocalStorage = skipNodesWithLocalStorage;
  }

  DrainDecision decide(Pod pod, long now) {
    if (NodeTemplate.isMirrorPod(pod)) {
      return DrainDecision.SKIP;
    }
    if (isLongTerminating(pod, now)) {
      return DrainDecision.SKIP;
    }
    if (NodeTemplate.isDaemonSetPod(pod)) {
      return DrainDecision.SKIP;
    }
    if ("true".equals(pod.annotations().get(SAFE_TO_EVICT))) {
      return DrainDecision.MOVE;
    }
    if (pod.phase().isTerminal()) {
      return DrainDecision.SKIP;
    }
    if (pod.owner() == null || !REPLICATED_KINDS.contains(pod.owner().kind())) {
      return DrainDecision.block(pod.key() + " is not replicated");
    }
    if (skipNodesWithSystemPods && "kube-system".equals(pod.namespace())) {
      return DrainDecision.block("non-daemonset, non-mirrored, non-pdb-assigned kube-system pod present: " + pod.name());
    }
    if ("false".equals(pod.annotations().get(SAFE_TO_EVICT))) {
      return DrainDecision.block("pod annotated as not safe to evict present: " + pod.name());
    }
    if (skipNodesWithLocalStorage && pod.spec().usesLocalStorage()) {
      return DrainDecision.block("pod with local storage present: " + pod.name());
    }
    return DrainDecision.MOVE;
  }

  /** drain.IsPodLongTerminating: deleted longer ago than its grace period plus 30 s. */
  static boolean isLongTerminating(Pod pod, long now) {
    if (!Times.isSet(pod.deletionTime())) {
      return false;
    }
    long grace = Math.max(0, pod.spec().terminationGracePeriodSeconds()) * 1000;
    return pod.deletionTime() + grace + LONG_TERMINATING_EXTRA_MS < now;
  }
}
