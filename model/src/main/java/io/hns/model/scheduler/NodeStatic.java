package io.hns.model.scheduler;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Taint;
import io.hns.model.resource.Resources;
import java.util.HashMap;
import java.util.Map;

/**
 * The part of a node object that scheduler plugins read, except its name and hostname label:
 * every other label (and whether the hostname label is there), taints, allocatable, cordoning and
 * image sizes. Interned per snapshot family, so that two nodes with equal parts share one instance
 * and are compared by identity. The rest of a node (capacity, readiness, annotations, provider ID,
 * creation time) is not read by any plugin. Together with the sums of {@link NodeInfo} this is what
 * the scheduler's equivalence classes of nodes are made of (see {@link NodeClasses}).
 */
final class NodeStatic {
  /** The fields compared; the labels without the hostname label. */
  record Key(ImmutableMap<String, String> labels, boolean hasHostname, ImmutableList<Taint> taints,
      Resources allocatable, boolean unschedulable, ImmutableMap<String, Long> imageSizes) {}

  final Key key;
  final int id;

  private NodeStatic(Key key, int id) {
    this.key = key;
    this.id = id;
  }

  static Key keyOf(Node node) {
    ImmutableMap<String, String> all = node.labels().asMap();
    boolean hasHostname = all.containsKey(Node.HOSTNAME_LABEL);
    ImmutableMap<String, String> labels = all;
    if (hasHostname) {
      ImmutableMap.Builder<String, String> b = ImmutableMap.builderWithExpectedSize(all.size() - 1);
      all.forEach((k, v) -> {
        if (!k.equals(Node.HOSTNAME_LABEL)) b.put(k, v);
      });
      labels = b.buildOrThrow();
    }
    return new Key(labels, hasHostname, node.taints(), node.allocatable(), node.unschedulable(), node.imageSizes());
  }

  /**
   * Interns static parts. Shared by a snapshot and its copies (one thread). Bounded: when full it
   * starts afresh, which only means that nodes interned before and after no longer share classes.
   */
  static final class Interner {
    private static final int MAX = 4096;
    private final Map<Key, NodeStatic> table = new HashMap<>();
    private int nextId;

    NodeStatic intern(Node node) {
      Key key = keyOf(node);
      NodeStatic s = table.get(key);
      if (s == null) {
        if (table.size() >= MAX) {
          table.clear();
        }
        s = new NodeStatic(key, nextId++);
        table.put(key, s);
      }
      return s;
    }
  }
}
