package io.hns.simulator.output;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;

/**
 * The summary of a run (summary.json): pod start latency percentiles by node kind (creation to
 * Ready), pending time (creation to Running), unserved demand, cost, quota failures and engine
 * speed. Schema in docs/outputs.md.
 */
public final class Summary {
  private Summary() {}

  public static Map<String, Object> of(RunResult r) {
    List<PodRecord> pods = workloadPods(r.pods());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("scenario", r.scenario());
    m.put("policy", r.policy());
    m.put("seed", r.seed());
    m.put("replication", r.replication());
    m.put("duration_s", r.durationMs() / 1000.0);
    m.put("pods_created", pods.size());
    Map<String, Object> start = new LinkedHashMap<>();
    start.put("vm", percentiles(latencies(pods, "vm")));
    start.put("virtual", percentiles(latencies(pods, "virtual")));
    start.put("all", percentiles(latencies(pods, null)));
    m.put("pod_start_latency_s", start);
    m.put("pending_time_s", percentiles(pending(pods, r.durationMs())));
    Map<String, Object> demand = new LinkedHashMap<>();
    demand.put("offered_requests", round(r.offeredRequests()));
    demand.put("unserved_requests", round(r.unservedRequests()));
    demand.put("unserved_fraction", r.offeredRequests() > 0 ? round(r.unservedRequests() / r.offeredRequests()) : 0.0);
    m.put("demand", demand);
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("vm_usd", round(r.costVm()));
    cost.put("aci_usd", round(r.costAci()));
    cost.put("total_usd", round(r.costVm() + r.costAci()));
    m.put("cost", cost);
    m.put("aci_pod_seconds", round(r.aciPodSeconds()));
    double podSeconds = podSeconds(pods, r.durationMs(), null);
    m.put("aci_share_of_pod_seconds", podSeconds > 0 ? round(podSeconds(pods, r.durationMs(), "virtual") / podSeconds) : 0.0);
    Map<String, Object> failures = new LinkedHashMap<>();
    failures.put("aci_provider_create_failed", r.eventsByReason().getOrDefault("ProviderCreateFailed", 0));
    failures.put("vmss_scale_up_failed", r.eventsByReason().getOrDefault("ScaleUpFailed", 0));
    failures.put("failed_scheduling", r.eventsByReason().getOrDefault("FailedScheduling", 0));
    m.put("failures", failures);
    m.put("events_by_reason", r.eventsByReason());
    Map<String, Object> engine = new LinkedHashMap<>();
    engine.put("events_processed", r.eventsProcessed());
    engine.put("wall_time_s", r.wallMs() / 1000.0);
    double wall = Math.max(1, r.wallMs()) / 1000.0;
    engine.put("events_per_wall_second", Math.round(r.eventsProcessed() / wall));
    engine.put("speedup_over_real_time", Math.round(r.durationMs() / 1000.0 / wall));
    m.put("engine", engine);
    return m;
  }

  /** The fields that depend only on the scenario and seed (no wall time): for determinism checks. */
  public static Map<String, Object> deterministic(RunResult r) {
    Map<String, Object> m = of(r);
    m.remove("engine");
    return m;
  }

  /**
   * The pods the statistics are about: those of Deployments and ReplicaSets outside kube-system.
   * System pods and policy placeholders (pause pods without an owner) would only blur them.
   */
  static List<PodRecord> workloadPods(List<PodRecord> pods) {
    List<PodRecord> out = new ArrayList<>();
    for (PodRecord p : pods) {
      if (!p.namespace().equals("kube-system") && !p.workload().isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  static List<Double> latencies(List<PodRecord> pods, String kind) {
    List<Double> out = new ArrayList<>();
    for (PodRecord p : pods) {
      if (p.ready() >= 0 && (kind == null || kind.equals(p.nodeKind()))) {
        out.add((p.ready() - p.created()) / 1000.0);
      }
    }
    return out;
  }

  static List<Double> pending(List<PodRecord> pods, long end) {
    List<Double> out = new ArrayList<>();
    for (PodRecord p : pods) {
      long until = p.running() >= 0 ? p.running() : p.deleted() >= 0 ? p.deleted() : end;
      out.add((until - p.created()) / 1000.0);
    }
    return out;
  }

  static double podSeconds(List<PodRecord> pods, long end, String kind) {
    double s = 0;
    for (PodRecord p : pods) {
      if (p.running() >= 0 && (kind == null || kind.equals(p.nodeKind()))) {
        s += ((p.deleted() >= 0 ? p.deleted() : end) - p.running()) / 1000.0;
      }
    }
    return s;
  }

  static Map<String, Object> percentiles(List<Double> values) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", values.size());
    if (values.isEmpty()) {
      return m;
    }
    DescriptiveStatistics s = new DescriptiveStatistics();
    values.forEach(s::addValue);
    m.put("min", round(s.getMin()));
    m.put("p50", round(s.getPercentile(50)));
    m.put("p90", round(s.getPercentile(90)));
    m.put("p95", round(s.getPercentile(95)));
    m.put("p99", round(s.getPercentile(99)));
    m.put("max", round(s.getMax()));
    m.put("mean", round(s.getMean()));
    return m;
  }

  static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
