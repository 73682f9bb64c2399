package io.hns.live.config;

import java.util.Set;

/**
 * What the live loop may do at most, whatever a policy decides.
 *
 * @param namespaces the only namespaces whose objects it may change (and that it watches)
 * @param maxPodsMovedPerMinute evictions plus deletions of pods it did not create, in any 60 s
 * @param maxNodesAdded how far above the size it first saw a node pool may be grown, in total
 * @param allowNodeTaints whether it may taint nodes (cluster-scoped, so off unless asked)
 */
public record Bounds(Set<String> namespaces, int maxPodsMovedPerMinute, int maxNodesAdded, boolean allowNodeTaints) {
  public Bounds {
    namespaces = Set.copyOf(namespaces);
  }

  public boolean namespaceAllowed(String namespace) {
    return namespaces.contains(namespace);
  }
}
