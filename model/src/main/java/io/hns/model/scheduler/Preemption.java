package io.hns.model.scheduler;

import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DefaultPreemption's PostFilter (pkg/scheduler/framework/preemption/preemption.go,
 * plugins/defaultpreemption): when a pod fits nowhere, find a node where removing pods of lower
 * priority makes it fit. Per node, every lower-priority pod is removed, then victims are reprieved
 * from the highest priority down while the pod still fits. Among candidate nodes the one with the
 * lowest highest-victim priority wins, then the smallest sum of victim priorities, then the fewest
 * victims, then the first in node order. PodDisruptionBudgets are not weighed here (the simulator
 * has none on the preemption path) and the nominated node is not reserved: the preemptor is simply
 * retried once its victims are gone.
 */
public final class Preemption {
  /** The node to preempt on and the pods to evict there. */
  public record Plan(String node, List<Pod> victims) {}

  private Preemption() {}

  /** A plan, or null when no node can be freed for the pod. */
  public static Plan find(Scheduler scheduler, Pod pod, ClusterSnapshot snapshot) {
    int priority = pod.spec().priority();
    ClusterSnapshot work = null;
    Plan best = null;
    long[] bestKey = null;
    for (NodeInfo node : snapshot.nodes()) {
      List<Pod> lower = new ArrayList<>();
      for (Pod p : node.pods()) {
        if (p.spec().priority() < priority && !p.isDeleting()) {
          lower.add(p);
        }
      }
      if (lower.isEmpty()) {
        continue;
      }
      if (work == null) {
        work = snapshot.copy();
      }
      List<Pod> victims = victimsOn(scheduler, pod, work, node.name(), lower);
      if (victims == null) {
        continue;
      }
      long[] key = rank(victims);
      if (best == null || compare(key, bestKey) < 0) {
        best = new Plan(node.name(), victims);
        bestKey = key;
      }
    }
    return best;
  }

  private static List<Pod> victimsOn(Scheduler scheduler, Pod pod, ClusterSnapshot work, String node, List<Pod> lower) {
    lower.forEach(work::removePod);
    if (!scheduler.fits(pod, work, node)) {
      lower.forEach(work::addPod);
      return null;
    }
    // Reprieve the most important victims first: only what must go goes.
    List<Pod> byImportance = new ArrayList<>(lower);
    byImportance.sort(Comparator.comparingInt((Pod p) -> -p.spec().priority()).thenComparingLong(p -> -p.startTime()));
    List<Pod> victims = new ArrayList<>();
    for (Pod p : byImportance) {
      work.addPod(p);
      if (!scheduler.fits(pod, work, node)) {
        work.removePod(p);
        victims.add(p);
      }
    }
    victims.forEach(work::addPod);
    return victims;
  }

  /** pickOneNodeForPreemption's order: highest victim priority, sum of priorities, victim count. */
  private static long[] rank(List<Pod> victims) {
    long highest = Long.MIN_VALUE;
    long sum = 0;
    for (Pod v : victims) {
      highest = Math.max(highest, v.spec().priority());
      // Upstream shifts priorities by MaxInt32+1 so that negative ones add up correctly.
      sum += (long) v.spec().priority() + Integer.MAX_VALUE + 1L;
    }
    return new long[] {highest, sum, victims.size()};
  }

  private static int compare(long[] a, long[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = Long.compare(a[i], b[i]);
      if (c != 0) return c;
    }
    return 0;
  }
}
