package io.hns.model.cluster;

/** Whether a node is a VM (a VMSS instance) or a virtual-kubelet node backed by ACI. */
public enum NodeKind {
  VM("vm"),
  VIRTUAL("virtual");

  private final String label;

  NodeKind(String label) {
    this.label = label;
  }

  /** The spelling used in output files. */
  public String label() {
    return label;
  }
}
