package io.hns.simulator.controller;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodRef;
import io.hns.model.hpa.PodUsage;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * metrics-server: every {@code resolution} (15 s, its default since v0.6) it scrapes the kubelets
 * and publishes one sample per Running pod, averaged over the window that just ended. A pod's CPU
 * usage is its utilization times its CPU request: the offered load's share for pods of the loaded
 * workload, an idle baseline for others. Pods that were not Running at the scrape have no sample
 * (the HPA counts them as missing).
 *
 * <p>It follows the pods as a state listener: one entry per pod name holds the pod, its load and CPU
 * request (resolved once) and its sample from the last scrape, so a scrape is a pass over the
 * entries without lookups, and a sample is looked up by name as the metrics API would (a pod gone
 * since the scrape keeps its sample until the next one).
 */
public final class MetricsServer implements StateListener {
  private static final class Entry {
    Pod pod; // null once removed from the cluster (the sample stays until the next scrape)
    boolean loadKnown;
    DemandMeter.Load load;
    PodUsage sample;
  }

  private final ClusterState state;
  private final DemandMeter demand;
  private final long resolutionMs;
  private final double idleUtilization;
  private final Map<PodRef, Entry> entries = new HashMap<>();
  private final Map<io.hns.model.cluster.PodSpec, Long> cpuRequests = new IdentityHashMap<>();

  public MetricsServer(Engine engine, ClusterState state, DemandMeter demand, long resolutionMs, double idleUtilization) {
    this.state = state;
    this.demand = demand;
    this.resolutionMs = resolutionMs;
    this.idleUtilization = idleUtilization;
    for (Pod p : state.pods()) {
      podAdded(p);
    }
    state.listen(this);
    engine.every(resolutionMs, resolutionMs, Engine.PRIORITY_OBSERVER, this::scrape);
  }

  @Override
  public void podAdded(Pod pod) {
    Entry e = entries.computeIfAbsent(pod.ref(), k -> new Entry());
    e.pod = pod;
    e.loadKnown = false;
    e.load = null;
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    Entry e = entries.get(after.ref());
    if (e != null) {
      e.pod = after;
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    Entry e = entries.get(pod.ref());
    if (e != null) {
      e.pod = null;
      e.loadKnown = false;
      e.load = null;
    }
  }

  private void scrape() {
    // Loads are distinct objects: identity keys (their record hash would hash the curve and model).
    Map<DemandMeter.Load, Double> byLoad = new IdentityHashMap<>();
    long now = state.now();
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      Entry e = it.next();
      Pod p = e.pod;
      if (p == null) {
        it.remove();
        continue;
      }
      if (p.phase() != PodPhase.RUNNING || p.isDeleting()) {
        e.sample = null;
        continue;
      }
      if (!e.loadKnown) {
        e.load = demand.loadOf(p);
        e.loadKnown = true;
      }
      DemandMeter.Load load = e.load;
      double utilization = load == null ? idleUtilization
          : p.isReady() ? byLoad.computeIfAbsent(load, demand::utilization) : 0;
      long cpu = Math.round(cpuRequest(p) * utilization);
      long memory = p.spec().requests().memory() / 2;
      e.sample = new PodUsage(p.namespace(), p.name(), p.labels(), now, resolutionMs, cpu, memory);
    }
  }

  /** The sum of the containers' CPU requests (the spec's request without container detail). */
  private long cpuRequest(Pod p) {
    Long cached = cpuRequests.get(p.spec());
    if (cached != null) {
      return cached;
    }
    long cpuRequest = 0;
    for (ContainerRequest c : p.spec().containers()) {
      cpuRequest += Math.max(0, c.milliCpu());
    }
    if (p.spec().containers().isEmpty()) {
      cpuRequest = p.spec().requests().milliCpu();
    }
    cpuRequests.put(p.spec(), cpuRequest);
    return cpuRequest;
  }

  /** The latest samples of these pods (those without one are absent). */
  public List<PodUsage> samples(List<Pod> pods) {
    List<PodUsage> out = new ArrayList<>();
    for (Pod p : pods) {
      PodUsage u = sampleOf(p);
      if (u != null) {
        out.add(u);
      }
    }
    return out;
  }

  /** The latest sample of each of these pods, null where a pod has none (aligned with the list). */
  public PodUsage[] samplesOf(List<Pod> pods) {
    PodUsage[] out = new PodUsage[pods.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = sampleOf(pods.get(i));
    }
    return out;
  }

  private PodUsage sampleOf(Pod p) {
    Entry e = entries.get(p.ref());
    return e == null ? null : e.sample;
  }
}
