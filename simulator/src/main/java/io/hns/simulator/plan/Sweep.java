package io.hns.simulator.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A sweep file, checked and expanded: every point with its overrides, the replications, the seed,
 * the objective and the SLO. Built by {@link SweepLoader} from the file's text alone (the base
 * scenario is read only to run), so that {@code hns plan merge} can rebuild it from plan.json.
 *
 * @param file the sweep file's name, for messages
 * @param text the sweep file as written (kept in plan.json and hashed into the fingerprint)
 * @param seed the seed of every run, or null for the base scenario's
 * @param stopWhen early-stop rules, all of which must hold; empty: every point runs {@code replications}
 */
public record Sweep(
    String file,
    String text,
    String name,
    String description,
    String base,
    List<String> axes,
    List<SweepPoint> points,
    int replications,
    Long seed,
    double confidence,
    Metric objective,
    List<SloTarget> slo,
    List<StopRule> stopWhen) {

  public SweepPoint point(int id) {
    return points.get(id - 1);
  }

  /** The metrics the Pareto front trades off: the objective, then each SLO metric (or p95 pod start). */
  public List<Metric> frontMetrics() {
    List<Metric> out = new ArrayList<>();
    out.add(objective);
    for (SloTarget s : slo) {
      if (!out.contains(s.metric())) {
        out.add(s.metric());
      }
    }
    if (out.size() == 1 && objective != Metric.POD_START_P95_S) {
      out.add(Metric.POD_START_P95_S);
    }
    return out;
  }
}
