package io.hns.live.policy;

import io.hns.live.LiveActions;
import io.hns.live.kube.TemplatePatch;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.PlacementPolicy;
import io.hns.model.policy.VirtualNodeTerms;
import io.hns.model.port.ClusterView;

/**
 * The placement half of a policy live: the model's template rewrite ({@link PlacementPolicy}, the
 * one the simulator applies when a workload is applied) made a patch of each Deployment whose
 * template differs. Pods follow through the Deployment's rollout. ReplicaSets owned by a
 * Deployment are left alone: the Deployment controller would undo a patch of theirs.
 */
public final class PlacementReconciler {
  private final PlacementPolicy placement;

  public PlacementReconciler(PlacementPolicy placement) {
    this.placement = placement;
  }

  public void reconcile(ClusterView view, LiveActions actions) {
    for (Workload w : view.workloads()) {
      if (!w.kind().equals("Deployment")) {
        continue;
      }
      PodSpec rewritten = placement.apply(w.template(), w.templateLabels());
      var patch = TemplatePatch.between(w.template(), rewritten);
      if (!TemplatePatch.isEmpty(patch)) {
        actions.patchPodTemplate(w, rewritten, "its pod template " + describe(w.template()) + " differs from "
            + placement.name() + " (" + placement.description() + ")");
      }
    }
  }

  static String describe(PodSpec s) {
    return (VirtualNodeTerms.toleratesVirtualNode(s) ? "tolerates" : "does not tolerate") + " the virtual node, nodeSelector "
        + s.nodeSelector() + ", " + s.preferredAffinity().size() + " preferred node affinity term(s), "
        + s.spreadConstraints().size() + " topology spread constraint(s)";
  }
}
