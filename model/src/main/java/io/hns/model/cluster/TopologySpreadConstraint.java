package io.hns.model.cluster;

/** A pod topology spread constraint (explicit, or a system default). */
public record TopologySpreadConstraint(
    int maxSkew, String topologyKey, boolean scheduleAnyway, LabelSelector selector) {
  public TopologySpreadConstraint {
    topologyKey = Labels.intern(topologyKey);
  }
}
