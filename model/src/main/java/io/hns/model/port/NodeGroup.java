package io.hns.model.port;

import io.hns.model.cluster.Node;
import java.util.List;

/**
 * A group of identical VM nodes the cluster autoscaler can resize: the shape of CA's cloudprovider
 * {@code NodeGroup} (cloudprovider/cloud_provider.go). The simulator implements it with a
 * simulated VMSS; the live adapter with Azure Resource Manager. The virtual node belongs to no
 * group.
 */
public interface NodeGroup {
  String id();

  int minSize();

  int maxSize();

  /** The size the group is asked to be, including instances still being created. */
  int targetSize();

  /** A node as a new instance of this group would register (for binpacking). */
  Node templateNode();

  /** {@code NodeGroupForNode}: whether the node is an instance of this group. */
  boolean contains(Node node);

  /** Asks for {@code delta} more instances; throws when the cloud refuses at once (quota, throttling). */
  void increaseSize(int delta) throws NodeGroupException;

  /** Deletes these instances (drained nodes) and lowers the target size accordingly. */
  void deleteNodes(List<Node> nodes) throws NodeGroupException;

  /** Instances the group knows, with their provisioning state. */
  List<Instance> instances();

  /** One VM instance and what the cloud says about it. */
  record Instance(String nodeName, State state, long createdAt, String errorCode, String errorMessage) {
    public enum State {
      CREATING,
      RUNNING,
      DELETING,
      FAILED
    }
  }
}
