package io.hns.simulator.load;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodRef;
import io.hns.simulator.state.StateListener;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The offered load on each loaded workload and what its Ready pods serve. Ready pods are counted
 * incrementally from pod updates (no scan of all pods per sample). Offered and unserved requests are
 * integrated over the sampling steps.
 */
public final class DemandMeter implements StateListener {
  /** One loaded workload. */
  public record Load(String namespace, String workload, LoadCurve curve, ServiceModel service) {
    String key() {
      return namespace + "/" + workload;
    }
  }

  private final LongSupplier clock;
  private final Function<Pod, String> workloadOf;
  private final Map<String, Load> loads = new LinkedHashMap<>();
  /** Ready pods per load (loads are distinct objects). */
  private final Map<Load, int[]> ready = new java.util.IdentityHashMap<>();
  private final Map<PodRef, Load> podLoad = new HashMap<>();
  private double offered;
  private double unserved;

  public DemandMeter(LongSupplier clock, Function<Pod, String> workloadOf, List<Load> loads) {
    this.clock = clock;
    this.workloadOf = workloadOf;
    loads.forEach(l -> this.loads.put(l.key(), l));
  }

  /** The loads, in scenario order. */
  public java.util.Collection<Load> loads() {
    return java.util.Collections.unmodifiableCollection(loads.values());
  }

  public boolean isEmpty() {
    return loads.isEmpty();
  }

  private static boolean counts(Pod p) {
    return p.isReady() && !p.isDeleting();
  }

  @Override
  public void podAdded(Pod pod) {
    String key = pod.namespace() + "/" + workloadOf.apply(pod);
    Load load = loads.get(key);
    if (load != null) {
      podLoad.put(pod.ref(), load);
      if (counts(pod)) readyOf(load)[0]++;
    }
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    Load load = podLoad.get(after.ref());
    if (load != null && counts(before) != counts(after)) {
      readyOf(load)[0] += counts(after) ? 1 : -1;
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    Load load = podLoad.remove(pod.ref());
    if (load != null && counts(pod)) {
      readyOf(load)[0]--;
    }
  }

  private int[] readyOf(Load l) {
    return ready.computeIfAbsent(l, k -> new int[1]);
  }

  /** The load serving this pod's workload, or null. */
  public Load loadOf(Pod pod) {
    return podLoad.get(pod.ref());
  }

  /** CPU utilization (fraction of request) of each Ready pod of this load right now. */
  public double utilization(Load l) {
    return l.service().utilization(l.curve().rateAt(clock.getAsLong()), readyOf(l)[0]);
  }

  /** Adds {@code stepMs} worth of offered and unserved requests; returns offered, served, unserved rates. */
  public double[] sample(long stepMs) {
    double rate = 0;
    double served = 0;
    long now = clock.getAsLong();
    for (Load l : loads.values()) {
      double r = l.curve().rateAt(now);
      rate += r;
      served += l.service().served(r, readyOf(l)[0]);
    }
    offered += rate * stepMs / 1000.0;
    unserved += (rate - served) * stepMs / 1000.0;
    return new double[] {rate, served, rate - served};
  }

  public double offeredRequests() {
    return offered;
  }

  public double unservedRequests() {
    return unserved;
  }
}
