package io.hns.live.policy;

import io.hns.live.LiveActions;
import io.hns.live.Reconciler;
import io.hns.live.kube.TemplatePatch;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.PlacementPolicy;
import io.hns.model.port.ClusterView;
import io.hns.model.policy.VirtualNodeTerms;
import java.time.Duration;

/**
 * A placement policy (manifest, vmss-only, aci-only, burst) live: the same template rewrite the
 * simulator applies at apply time, made a patch of each Deployment whose template differs. Pods
 * follow through the Deployment's rollout. ReplicaSets owned by a Deployment are left alone: the
 * Deployment controller would undo a patch of theirs.
 */
public final class PlacementReconciler implements Reconciler {
  private final PlacementPolicy policy;
  private final Duration period;

  public PlacementReconciler(PlacementPolicy policy, Duration period) {
    this.policy = policy;
    this.period = period;
  }

  @Override
  public String name() {
    return policy.name();
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public void reconcile(ClusterView view, LiveActions actions) {
    for (Workload w : view.workloads()) {
      if (!w.kind().equals("Deployment")) {
        continue;
      }
      PodSpec rewritten = policy.apply(w.template());
      var patch = TemplatePatch.between(w.template(), rewritten);
      if (!TemplatePatch.isEmpty(patch)) {
        actions.patchPodTemplate(w, rewritten, "its pod template " + describe(w.template()) + " differs from "
            + policy.name() + " (" + policy.description() + ")");
      }
    }
  }

  static String describe(PodSpec s) {
    return (VirtualNodeTerms.toleratesVirtualNode(s) ? "tolerates" : "does not tolerate") + " the virtual node, nodeSelector "
        + s.nodeSelector() + ", " + s.preferredAffinity().size() + " preferred node affinity term(s)";
  }
}
