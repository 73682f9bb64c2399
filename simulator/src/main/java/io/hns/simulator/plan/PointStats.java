package io.hns.simulator.plan;

import java.util.List;

/**
 * A point's statistics: its runs, an {@link Estimate} of every metric, whether its stop rule ended
 * it before the sweep's replications, and whether it meets every SLO (upper bounds within limits).
 */
public record PointStats(SweepPoint point, int runs, Estimate[] estimates, boolean stoppedEarly, boolean meetsSlo) {
  public Estimate estimate(Metric m) {
    return estimates[m.ordinal()];
  }

  public double mean(Metric m) {
    return estimates[m.ordinal()].mean();
  }

  static PointStats of(SweepPoint point, List<RunRecord> runs, Sweep sweep) {
    Estimate[] e = new Estimate[Metric.values().length];
    for (Metric m : Metric.values()) {
      e[m.ordinal()] = Estimate.of(runs.stream().mapToDouble(r -> r.metric(m)).toArray(), sweep.confidence());
    }
    boolean meets = !sweep.slo().isEmpty() && sweep.slo().stream().allMatch(s -> s.metBy(e[s.metric().ordinal()]));
    return new PointStats(point, runs.size(), e, runs.size() < sweep.replications(), meets);
  }
}
