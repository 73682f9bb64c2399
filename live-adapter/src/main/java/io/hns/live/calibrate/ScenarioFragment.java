package io.hns.live.calibrate;

import java.util.Locale;
import java.util.Map;

/**
 * The scenario fragment {@code hns calibrate} writes: the {@code cluster.nodePools[].bootLatency}
 * and {@code cluster.virtualNode.aci.startLatency} keys of docs/scenario.md, each as the median
 * and p90 of the better fit (the simulator's latency spec is a log-normal by median and p90; when
 * the gamma fits better its median and p90 are given all the same and a comment says so).
 */
public final class ScenarioFragment {
  private ScenarioFragment() {}

  /**
   * @param boot per pool, the fit of its VM boot latencies (empty: no pool section)
   * @param aci the fit of ACI start latencies, or null
   */
  public static String yaml(String source, Map<String, LatencyFitter.Result> boot, LatencyFitter.Result aci) {
    StringBuilder b = new StringBuilder();
    b.append("# Calibrated by hns calibrate from ").append(source).append('\n');
    b.append("# Merge into a scenario (docs/scenario.md). Latencies are median/p90 of the better of a\n");
    b.append("# log-normal and a gamma maximum-likelihood fit (higher likelihood; both have 2 parameters).\n");
    b.append("cluster:\n");
    if (!boot.isEmpty()) {
      b.append("  # VM boot: Node created -> Ready. The simulator's bootLatency starts at the scale request,\n");
      b.append("  # a little earlier than the Node object appears, so this slightly understates it.\n");
      b.append("  nodePools:\n");
      boot.forEach((pool, r) -> {
        comment(b, "    ", r);
        b.append("    - ");
        if (!pool.isEmpty()) {
          b.append("name: ").append(pool).append("\n      ");
        }
        b.append("bootLatency: ").append(latency(r.best())).append('\n');
      });
    }
    if (aci != null) {
      b.append("  virtualNode:\n");
      b.append("    aci:\n");
      b.append("      # ACI start: pod scheduled on the virtual node -> running, image pull included;\n");
      b.append("      # set pullSecondsPerGB: 0 to avoid counting the pull twice.\n");
      comment(b, "      ", aci);
      b.append("      startLatency: ").append(latency(aci.best())).append('\n');
    }
    return b.toString();
  }

  private static void comment(StringBuilder b, String indent, LatencyFitter.Result r) {
    Fit best = r.best();
    b.append(indent).append("# n=").append(r.n()).append("; best: ").append(best.family())
        .append(best.family().equals("gamma") ? " (given as median/p90, which the simulator models as log-normal)" : "")
        .append('\n');
    for (Fit f : new Fit[] {r.logNormal(), r.gamma()}) {
      b.append(indent).append(String.format(Locale.ROOT, "#   %-10s %s; log-likelihood %.2f; KS D=%.4f p=%.3f%n",
          f.family(), f.parameters(), f.logLikelihood(), f.ksStatistic(), f.ksPValue()));
    }
  }

  static String latency(Fit f) {
    return String.format(Locale.ROOT, "{median: %ss, p90: %ss}", seconds(f.medianSeconds()), seconds(f.p90Seconds()));
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.1f", s);
  }
}
