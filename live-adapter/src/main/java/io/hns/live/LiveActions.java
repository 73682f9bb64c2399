package io.hns.live;

import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Workload;
import io.hns.model.port.ClusterActions;

/**
 * The model's {@link ClusterActions} plus the two edits only a live cluster needs: rewriting a
 * workload's pod template (how a placement policy takes effect on pods created from then on) and
 * a pod's deletion cost (which pod a scale-in removes first).
 */
public interface LiveActions extends ClusterActions {
  /** Pod-deletion-cost annotation ({@code controller.kubernetes.io/pod-deletion-cost}). */
  String DELETION_COST = io.hns.model.cluster.Pod.DELETION_COST_ANNOTATION;

  /**
   * Makes the workload's pod template carry {@code rewritten}'s tolerations, node selector and
   * preferred node affinity (the fields placement policies change).
   */
  void patchPodTemplate(Workload workload, PodSpec rewritten, String reason);

  void setPodDeletionCost(String namespace, String pod, int cost, String reason);
}
