package io.hns.simulator.controller;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.hpa.PodUsage;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.state.ClusterState;
import io.hns.model.cluster.PodRef;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * metrics-server: every {@code resolution} (15 s, its default since v0.6) it scrapes the kubelets
 * and publishes one sample per Running pod, averaged over the window that just ended. A pod's CPU
 * usage is its utilization times its CPU request: the offered load's share for pods of the loaded
 * workload, an idle baseline for others. Pods that were not Running at the scrape have no sample
 * (the HPA counts them as missing).
 */
public final class MetricsServer {
  private final ClusterState state;
  private final DemandMeter demand;
  private final long resolutionMs;
  private final double idleUtilization;
  private Map<PodRef, PodUsage> latest = new HashMap<>();

  public MetricsServer(Engine engine, ClusterState state, DemandMeter demand, long resolutionMs, double idleUtilization) {
    this.state = state;
    this.demand = demand;
    this.resolutionMs = resolutionMs;
    this.idleUtilization = idleUtilization;
    engine.every(resolutionMs, resolutionMs, Engine.PRIORITY_OBSERVER, this::scrape);
  }

  private void scrape() {
    Map<PodRef, PodUsage> next = new HashMap<>(Math.max(16, latest.size() * 4 / 3 + 1));
    // Loads are distinct objects: identity keys (their record hash would hash the curve and model).
    Map<DemandMeter.Load, Double> byLoad = new IdentityHashMap<>();
    for (Pod p : state.pods()) {
      if (p.phase() != PodPhase.RUNNING || p.isDeleting()) {
        continue;
      }
      DemandMeter.Load load = demand.loadOf(p);
      double utilization = load == null ? idleUtilization
          : p.isReady() ? byLoad.computeIfAbsent(load, demand::utilization) : 0;
      long cpuRequest = 0;
      for (ContainerRequest c : p.spec().containers()) {
        cpuRequest += Math.max(0, c.milliCpu());
      }
      if (p.spec().containers().isEmpty()) {
        cpuRequest = p.spec().requests().milliCpu();
      }
      long cpu = Math.round(cpuRequest * utilization);
      long memory = p.spec().requests().memory() / 2;
      next.put(p.ref(), new PodUsage(p.namespace(), p.name(), p.labels(), state.now(), resolutionMs, cpu, memory));
    }
    latest = next;
  }

  /** The latest samples of these pods (those without one are absent). */
  public List<PodUsage> samples(List<Pod> pods) {
    List<PodUsage> out = new java.util.ArrayList<>();
    for (Pod p : pods) {
      PodUsage u = latest.get(p.ref());
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
      out[i] = latest.get(pods.get(i).ref());
    }
    return out;
  }
}
