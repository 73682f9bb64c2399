package io.hns.model.scheduler.reference;

import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.TopologySpreadConstraint;
import io.hns.model.scheduler.NodeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* The constraints RefPodTopologySpread applies to a pod, and how it counts matching pods. Pods without
 * explicit constraints get the system defaults (plugins/podtopologyspread/plugin.go
 * {@code systemDefaultConstraints}) when a controller selects them; here, when their controlling
 * owner is a ReplicaSet, ReplicationController or StatefulSet (Services are not modelled).
 */
final class RefSpreadConstraints {
  static final Set<String> DEFAULTING_OWNER_KINDS = Set.of("ReplicaSet", "ReplicationController", "StatefulSet");

  /** One constraint; {@code ownerUid} non-null means "pods of the same owner" (system defaults). */
  record Constraint(int maxSkew, String topologyKey, LabelSelector selector, String ownerUid) {
    int countOn(NodeInfo node, String namespace) {
      if (ownerUid != null) {
        return node.podsOwnedBy(ownerUid);
      }
      int n = 0;
      for (Pod p : node.pods()) {
        // countPodsMatchSelector skips terminating pods (kubernetes#87621).
        if (!p.isDeleting() && p.namespace().equals(namespace) && selector.matches(p.labels())) {
          n++;
        }
      }
      return n;
    }

    boolean matchesSelf(Pod pod) {
      return ownerUid != null || selector.matches(pod.labels());
    }
  }

  private RefSpreadConstraints() {}

  /** The soft (ScheduleAnyway) or hard constraints of a pod, with system defaults for soft ones. */
  static List<Constraint> of(Pod pod, boolean soft) {
    List<Constraint> out = new ArrayList<>();
    if (!pod.spec().spreadConstraints().isEmpty()) {
      for (TopologySpreadConstraint c : pod.spec().spreadConstraints()) {
        if (c.scheduleAnyway() == soft) {
          out.add(new Constraint(c.maxSkew(), c.topologyKey(), c.selector(), null));
        }
      }
      return out;
    }
    if (soft && pod.owner() != null && DEFAULTING_OWNER_KINDS.contains(pod.owner().kind())) {
      out.add(new Constraint(3, Node.HOSTNAME_LABEL, LabelSelector.EVERYTHING, pod.owner().uid()));
      out.add(new Constraint(5, Node.ZONE_LABEL, LabelSelector.EVERYTHING, pod.owner().uid()));
    }
    return out;
  }

  static boolean hasAllKeys(Node node, List<Constraint> constraints) {
    for (Constraint c : constraints) {
      if (!node.labels().has(c.topologyKey())) {
        return false;
      }
    }
    return true;
  }
}
