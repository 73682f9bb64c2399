package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending pods the autoscaler treats as one (CA {@code core/scaleup/equivalence/groups.go}): same
 * controller UID, same namespace, same labels and the same spec (siblings share one compiled
 * {@code PodSpec}), so a predicate checked on the first pod holds for all. Pods without a
 * controller are each their own group. Groups keep the order of their first pod.
 */
record PodEquivalenceGroup(List<Pod> pods) {

  Pod exemplar() {
    return pods.get(0);
  }

  int size() {
    return pods.size();
  }

  static List<PodEquivalenceGroup> build(List<Pod> pods) {
    Map<String, List<List<Pod>>> byOwner = new LinkedHashMap<>();
    List<List<Pod>> ordered = new ArrayList<>();
    for (Pod p : pods) {
      if (p.owner() == null || p.owner().uid().isEmpty()) {
        List<Pod> alone = new ArrayList<>(1);
        alone.add(p);
        ordered.add(alone);
        continue;
      }
      List<List<Pod>> candidates = byOwner.computeIfAbsent(p.owner().uid(), k -> new ArrayList<>(1));
      List<Pod> match = null;
      for (List<Pod> c : candidates) {
        if (equivalent(c.get(0), p)) {
          match = c;
          break;
        }
      }
      if (match == null) {
        match = new ArrayList<>();
        candidates.add(match);
        ordered.add(match);
      }
      match.add(p);
    }
    List<PodEquivalenceGroup> out = new ArrayList<>(ordered.size());
    ordered.forEach(list -> out.add(new PodEquivalenceGroup(list)));
    return out;
  }

  private static boolean equivalent(Pod a, Pod b) {
    return a.namespace().equals(b.namespace())
        && (a.spec() == b.spec() || a.spec().equals(b.spec()))
        && a.labels().equals(b.labels());
  }
}
