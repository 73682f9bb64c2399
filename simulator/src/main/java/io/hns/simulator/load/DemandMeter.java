package io.hns.simulator.load;

import io.hns.model.cluster.Pod;
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
  private final Map<String, Integer> ready = new HashMap<>();
  private final Map<String, String> podWorkload = new HashMap<>();
  private double offered;
  private double unserved;

  public DemandMeter(LongSupplier clock, Function<Pod, String> workloadOf, List<Load> loads) {
    this.clock = clock;
    this.workloadOf = workloadOf;
    loads.forEach(l -> this.loads.put(l.key(), l));
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
    if (loads.containsKey(key)) {
      podWorkload.put(pod.key(), key);
      if (counts(pod)) ready.merge(key, 1, Integer::sum);
    }
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    String key = podWorkload.get(after.key());
    if (key != null && counts(before) != counts(after)) {
      ready.merge(key, counts(after) ? 1 : -1, Integer::sum);
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    String key = podWorkload.remove(pod.key());
    if (key != null && counts(pod)) {
      ready.merge(key, -1, Integer::sum);
    }
  }

  /** The load serving this pod's workload, or null. */
  public Load loadOf(Pod pod) {
    String key = podWorkload.get(pod.key());
    return key == null ? null : loads.get(key);
  }

  /** CPU utilization (fraction of request) of each Ready pod of this load right now. */
  public double utilization(Load l) {
    return l.service().utilization(l.curve().rateAt(clock.getAsLong()), ready.getOrDefault(l.key(), 0));
  }

  /** Adds {@code stepMs} worth of offered and unserved requests; returns offered, served, unserved rates. */
  public double[] sample(long stepMs) {
    double rate = 0;
    double served = 0;
    long now = clock.getAsLong();
    for (Load l : loads.values()) {
      double r = l.curve().rateAt(now);
      rate += r;
      served += l.service().served(r, ready.getOrDefault(l.key(), 0));
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
