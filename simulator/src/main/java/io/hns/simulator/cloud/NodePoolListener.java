package io.hns.simulator.cloud;

import io.hns.model.cluster.Node;

/**
 * What a simulated node pool tells the cluster: a node registered (NotReady), turned Ready, or was
 * deleted. Calls happen from engine events, at the event's time.
 */
public interface NodePoolListener {
  /** A NodePoolListener that ignores everything. */
  NodePoolListener NONE = new NodePoolListener() {
    @Override
    public void nodeRegistered(Node notReadyNode) {}

    @Override
    public void nodeReady(Node readyNode) {}

    @Override
    public void nodeDeleted(String nodeName) {}
  };

  /** The kubelet registered the node; {@code ready} is false and {@code creationTime} is now. */
  void nodeRegistered(Node notReadyNode);

  /** The node turned Ready (the same node as registered, with {@code ready} true). */
  void nodeReady(Node readyNode);

  /** The VM is gone (only called for nodes that had registered). */
  void nodeDeleted(String nodeName);
}
