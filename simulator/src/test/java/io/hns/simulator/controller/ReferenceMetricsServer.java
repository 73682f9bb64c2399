package io.hns.simulator.controller;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.hpa.PodUsage;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.state.ClusterState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * REFERENCE COPY of MetricsServer as of commit 9e0c0f5 (an eager scrape of every pod into a map by
 * key), for the differential test of the lazy one: do not optimise.
 */
final class ReferenceMetricsServer {
  private final ClusterState state;
  private final DemandMeter demand;
  private final long resolutionMs;
  private final double idleUtilization;
  private Map<String, PodUsage> latest = new HashMap<>();

  ReferenceMetricsServer(Engine engine, ClusterState state, DemandMeter demand, long resolutionMs, double idleUtilization) {
    this.state = state;
    this.demand = demand;
    this.resolutionMs = resolutionMs;
    this.idleUtilization = idleUtilization;
    engine.every(resolutionMs, resolutionMs, Engine.PRIORITY_OBSERVER, this::scrape);
  }

  private void scrape() {
    Map<String, PodUsage> next = new HashMap<>();
    Map<DemandMeter.Load, Double> byLoad = new HashMap<>();
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
      next.put(p.key(), new PodUsage(p.namespace(), p.name(), p.labels(), state.now(), resolutionMs, cpu, memory));
    }
    latest = next;
  }

  PodUsage[] samplesOf(List<Pod> pods) {
    PodUsage[] out = new PodUsage[pods.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = latest.get(pods.get(i).key());
    }
    return out;
  }
}
