package io.hns.emulator;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Pod and node IPs as Azure CNI hands them out on the seed's network: VM nodes and their pods in
 * the node subnet 10.240.0.0/16 (each node takes one address and pre-allocates maxPods more for its
 * pods, as Azure CNI does), virtual-node pods in the ACI subnet 10.241.0.0/16. The first four
 * addresses of a subnet are Azure's, so both start at .4.
 */
final class IpAllocator {
  static final String VM_SUBNET = "10.240.";
  static final String ACI_SUBNET = "10.241.";
  private static final int FIRST = 4;

  private record Block(int base, int slots, BitSet used) {}

  private final Map<String, Block> nodes = new HashMap<>();
  private final Map<String, String> podIps = new HashMap<>();
  private final Map<String, Runnable> releases = new HashMap<>();
  private final BitSet aciUsed = new BitSet();
  private int nextBase = FIRST;

  private static String address(String prefix, int offset) {
    return prefix + (offset >> 8) + "." + (offset & 255);
  }

  /** The node's InternalIP (VM nodes: their own address; the virtual node has none of its own). */
  String nodeIp(Node node) {
    if (node.kind() == NodeKind.VIRTUAL) {
      return null;
    }
    return address(VM_SUBNET, block(node).base());
  }

  private Block block(Node node) {
    return nodes.computeIfAbsent(node.name(), n -> {
      int slots = (int) Math.max(1, Math.min(250, node.allocatable().pods()));
      Block b = new Block(nextBase, slots, new BitSet(slots));
      nextBase += slots + 1;
      return b;
    });
  }

  /** The pod's IP, allocated on first call; host-network pods share the node's. */
  String podIp(String podKey, Node node, boolean hostNetwork) {
    String ip = podIps.get(podKey);
    if (ip != null) {
      return ip;
    }
    if (node.kind() == NodeKind.VIRTUAL) {
      int i = aciUsed.nextClearBit(0);
      aciUsed.set(i);
      ip = address(ACI_SUBNET, FIRST + i);
      releases.put(podKey, () -> aciUsed.clear(i));
    } else if (hostNetwork) {
      ip = nodeIp(node);
    } else {
      Block b = block(node);
      int i = b.used().nextClearBit(0);
      if (i >= b.slots()) {
        return null; // Azure CNI would fail the sandbox; the pod keeps no IP
      }
      b.used().set(i);
      ip = address(VM_SUBNET, b.base() + 1 + i);
      releases.put(podKey, () -> b.used().clear(i));
    }
    podIps.put(podKey, ip);
    return ip;
  }

  void release(String podKey) {
    podIps.remove(podKey);
    Runnable r = releases.remove(podKey);
    if (r != null) {
      r.run();
    }
  }
}
