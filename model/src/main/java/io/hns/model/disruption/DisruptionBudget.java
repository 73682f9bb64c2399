package io.hns.model.disruption;

import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Pod;
import java.util.Collection;

/**
 * A PodDisruptionBudget (policy/v1) and the disruption controller's arithmetic
 * (pkg/controller/disruption/disruption.go): desired healthy = minAvailable (a percentage of the
 * expected pods, rounded up), or expected − maxUnavailable; disruptions allowed = healthy −
 * desired, at least 0. Expected pods are counted as the matching active pods (upstream asks their
 * controllers' scale, which equals that count once a workload has settled).
 *
 * @param minAvailable null when the budget uses maxUnavailable
 * @param maxUnavailable null when the budget uses minAvailable
 */
public record DisruptionBudget(
    String namespace, String name, LabelSelector selector, IntOrPercent minAvailable, IntOrPercent maxUnavailable) {

  public boolean covers(Pod pod) {
    return pod.namespace().equals(namespace) && selector.matches(pod.labels());
  }

  /** How many of the covered pods may be evicted now. */
  public int disruptionsAllowed(Collection<Pod> pods) {
    int expected = 0;
    int healthy = 0;
    for (Pod p : pods) {
      if (!covers(p) || !p.isActive()) {
        continue;
      }
      expected++;
      if (p.isReady()) {
        healthy++;
      }
    }
    int desired;
    if (maxUnavailable != null) {
      desired = Math.max(0, expected - maxUnavailable.scaledUp(expected));
    } else if (minAvailable != null) {
      desired = minAvailable.scaledUp(expected);
    } else {
      desired = 0;
    }
    return Math.max(0, healthy - desired);
  }
}
