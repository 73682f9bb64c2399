package io.hns.cli;

import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.Summary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

/** The short table that ends a run on the terminal. */
final class SummaryTable {
  private SummaryTable() {}

  @SuppressWarnings("unchecked")
  static void print(PrintWriter out, RunResult r, Path dir) {
    Map<String, Object> s = Summary.of(r);
    Map<String, Object> start = (Map<String, Object>) s.get("pod_start_latency_s");
    Map<String, Object> cost = (Map<String, Object>) s.get("cost");
    Map<String, Object> demand = (Map<String, Object>) s.get("demand");
    Map<String, Object> failures = (Map<String, Object>) s.get("failures");
    Map<String, Object> engine = (Map<String, Object>) s.get("engine");
    out.println();
    out.printf("Summary of %s (policy %s, seed %d, %s simulated)%n", r.scenario(), r.policy(), r.seed(),
        io.hns.simulator.scenario.Durations.format(r.durationMs()));
    out.printf("  %-34s %s%n", "pods created", s.get("pods_created"));
    out.printf("  %-34s %s%n", "pod start (created->Ready), VM", latency((Map<String, Object>) start.get("vm")));
    out.printf("  %-34s %s%n", "pod start (created->Ready), virtual", latency((Map<String, Object>) start.get("virtual")));
    out.printf("  %-34s %,.0f (%.1f%% of running pod-seconds)%n", "ACI pod-seconds",
        ((Number) s.get("aci_pod_seconds")).doubleValue(), 100 * ((Number) s.get("aci_share_of_pod_seconds")).doubleValue());
    out.printf("  %-34s %,.0f of %,.0f requests (%.2f%%)%n", "unserved demand",
        ((Number) demand.get("unserved_requests")).doubleValue(), ((Number) demand.get("offered_requests")).doubleValue(),
        100 * ((Number) demand.get("unserved_fraction")).doubleValue());
    out.printf("  %-34s $%s (VM $%s, ACI $%s)%n", "cost", cost.get("total_usd"), cost.get("vm_usd"), cost.get("aci_usd"));
    out.printf("  %-34s ACI create failed %s, VMSS scale-up failed %s, FailedScheduling %s%n", "failures",
        failures.get("aci_provider_create_failed"), failures.get("vmss_scale_up_failed"), failures.get("failed_scheduling"));
    out.printf("  %-34s %s events in %ss (%s events/s, %sx real time)%n", "engine", engine.get("events_processed"),
        engine.get("wall_time_s"), engine.get("events_per_wall_second"), engine.get("speedup_over_real_time"));
    out.printf("  %-34s %s%n", "outputs", dir);
    out.flush();
  }

  private static String latency(Map<String, Object> p) {
    if (((Number) p.get("count")).intValue() == 0) {
      return "no pods";
    }
    return String.format("p50 %ss, p95 %ss, max %ss (%s pods)", p.get("p50"), p.get("p95"), p.get("max"), p.get("count"));
  }
}
