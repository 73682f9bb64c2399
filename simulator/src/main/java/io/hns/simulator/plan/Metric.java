package io.hns.simulator.plan;

import java.util.Arrays;
import java.util.List;

/**
 * What one run measures, as columns of runs.csv (in this order) and points.csv. Lower is better for
 * every metric, which the Pareto front relies on. Meanings in docs/plan.md.
 */
public enum Metric {
  COST_USD("cost_usd"),
  VM_COST_USD("vm_cost_usd"),
  ACI_COST_USD("aci_cost_usd"),
  POD_START_P50_S("pod_start_p50_s"),
  POD_START_P95_S("pod_start_p95_s"),
  POD_START_P99_S("pod_start_p99_s"),
  POD_START_VM_P95_S("pod_start_vm_p95_s"),
  POD_START_VIRTUAL_P95_S("pod_start_virtual_p95_s"),
  PENDING_P95_S("pending_p95_s"),
  UNSERVED_FRACTION("unserved_fraction"),
  UNSERVED_REQUESTS("unserved_requests"),
  ACI_SHARE("aci_share"),
  ACI_POD_SECONDS("aci_pod_seconds"),
  PEAK_VM_NODES("peak_vm_nodes"),
  PODS_CREATED("pods_created"),
  QUOTA_FAILURES("quota_failures"),
  ACI_CREATE_FAILURES("aci_create_failures"),
  VMSS_SCALE_UP_FAILURES("vmss_scale_up_failures"),
  FAILED_SCHEDULING("failed_scheduling");

  private final String column;

  Metric(String column) {
    this.column = column;
  }

  /** The column name in runs.csv (and the prefix of its columns in points.csv). */
  public String column() {
    return column;
  }

  public static List<String> columns() {
    return Arrays.stream(values()).map(Metric::column).toList();
  }

  /** The metric of a column name, or an error listing the metrics. */
  public static Metric ofColumn(String name, String key) {
    for (Metric m : values()) {
      if (m.column.equals(name)) {
        return m;
      }
    }
    throw new SweepException(key + ": unknown metric \"" + name + "\" (metrics: " + String.join(", ", columns()) + ")");
  }
}
