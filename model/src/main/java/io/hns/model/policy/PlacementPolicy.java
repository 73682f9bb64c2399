package io.hns.model.policy;

import io.hns.model.cluster.PodSpec;

/**
 * How a workload's pods may use the virtual node: a rewrite of the pod template, as the Azure
 * sample's admission webhook (Azure-Samples/virtual-node-autoscale) does. The same rewrite runs in
 * the simulator at apply time and, live, as a patch of the Deployment.
 */
public interface PlacementPolicy {
  String name();

  PodSpec apply(PodSpec template);

  /** The rewrite for a template with these labels (for rules that select the workload's own pods). */
  default PodSpec apply(PodSpec template, io.hns.model.cluster.Labels templateLabels) {
    return apply(template);
  }

  String description();
}
