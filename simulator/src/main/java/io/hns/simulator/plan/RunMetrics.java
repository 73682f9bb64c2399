package io.hns.simulator.plan;

import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.Summary;
import io.hns.simulator.output.TimelineRow;
import java.util.Map;

/**
 * Reduces a run to its metrics (indexed by {@link Metric#ordinal()}), so that a sweep keeps a few
 * numbers per run instead of every pod and event. Latency percentiles and the ACI share come from
 * {@link Summary}, so that they mean exactly what {@code hns simulate}'s summary.json says; a
 * percentile over no pods is NaN (an empty cell).
 */
public final class RunMetrics {
  private RunMetrics() {}

  @SuppressWarnings("unchecked")
  public static double[] of(RunResult r) {
    Map<String, Object> summary = Summary.of(r);
    Map<String, Object> start = (Map<String, Object>) summary.get("pod_start_latency_s");
    Map<String, Object> failures = (Map<String, Object>) summary.get("failures");
    double[] m = new double[Metric.values().length];
    m[Metric.COST_USD.ordinal()] = r.costVm() + r.costAci();
    m[Metric.VM_COST_USD.ordinal()] = r.costVm();
    m[Metric.ACI_COST_USD.ordinal()] = r.costAci();
    Map<String, Object> all = (Map<String, Object>) start.get("all");
    m[Metric.POD_START_P50_S.ordinal()] = number(all, "p50");
    m[Metric.POD_START_P95_S.ordinal()] = number(all, "p95");
    m[Metric.POD_START_P99_S.ordinal()] = number(all, "p99");
    m[Metric.POD_START_VM_P95_S.ordinal()] = number((Map<String, Object>) start.get("vm"), "p95");
    m[Metric.POD_START_VIRTUAL_P95_S.ordinal()] = number((Map<String, Object>) start.get("virtual"), "p95");
    // Unlike pod start, counts the pods that never ran (until their deletion or the end of the run).
    m[Metric.PENDING_P95_S.ordinal()] = number((Map<String, Object>) summary.get("pending_time_s"), "p95");
    // Exact here, where summary.json rounds to 3 decimals: an SLO of 0.001 needs more.
    m[Metric.UNSERVED_FRACTION.ordinal()] = r.offeredRequests() > 0 ? r.unservedRequests() / r.offeredRequests() : 0;
    m[Metric.UNSERVED_REQUESTS.ordinal()] = r.unservedRequests();
    m[Metric.ACI_SHARE.ordinal()] = number(summary, "aci_share_of_pod_seconds");
    m[Metric.ACI_POD_SECONDS.ordinal()] = r.aciPodSeconds();
    m[Metric.PEAK_VM_NODES.ordinal()] = r.timeline().stream().mapToInt(TimelineRow::nodesReady).max().orElse(0);
    m[Metric.PODS_CREATED.ordinal()] = r.pods().size();
    double aciFailed = number(failures, "aci_provider_create_failed");
    double vmssFailed = number(failures, "vmss_scale_up_failed");
    m[Metric.QUOTA_FAILURES.ordinal()] = aciFailed + vmssFailed;
    m[Metric.ACI_CREATE_FAILURES.ordinal()] = aciFailed;
    m[Metric.VMSS_SCALE_UP_FAILURES.ordinal()] = vmssFailed;
    m[Metric.FAILED_SCHEDULING.ordinal()] = number(failures, "failed_scheduling");
    // Rounded once, here, to what runs.csv prints: a run read back from runs.csv (--resume, merge)
    // then has exactly the values of a run just done, and so do the statistics over them.
    for (int i = 0; i < m.length; i++) {
      m[i] = PlanNumbers.round(m[i]);
    }
    return m;
  }

  private static double number(Map<String, Object> map, String key) {
    Object v = map.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
