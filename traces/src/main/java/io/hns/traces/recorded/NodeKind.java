package io.hns.traces.recorded;

import io.hns.traces.TraceException;

/** The kind of node a pod runs on: a VM of a node pool, or the ACI virtual node. */
public enum NodeKind {
  /** A VM (VMSS) node. */
  VM("vm"),
  /** The virtual node (ACI). */
  VIRTUAL("virtual");

  private final String id;

  NodeKind(String id) {
    this.id = id;
  }

  /** {@code vm} or {@code virtual}, as written in the file. */
  public String id() {
    return id;
  }

  /** The kind written {@code id}; a {@link TraceException} otherwise. */
  public static NodeKind of(String id) {
    for (NodeKind k : values()) {
      if (k.id.equals(id)) {
        return k;
      }
    }
    throw new TraceException("unknown node kind \"" + id + "\" (known: vm, virtual)");
  }
}
