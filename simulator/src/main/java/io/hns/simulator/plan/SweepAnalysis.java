package io.hns.simulator.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * From runs to answers: statistics per point, the Pareto front and the recommendation. A pure
 * function of the sweep and its runs (taken in (point, replication) order), so that the files of a
 * parallel, serial, resumed or merged sweep are the same.
 */
public record SweepAnalysis(Sweep sweep, List<PointStats> points, List<PointStats> pareto, Recommendation recommendation) {
  public static SweepAnalysis of(Sweep sweep, List<RunRecord> runs) {
    Map<Integer, List<RunRecord>> byPoint = new LinkedHashMap<>();
    runs.stream().sorted(RunRecord.ORDER).forEach(r -> byPoint.computeIfAbsent(r.point(), k -> new ArrayList<>()).add(r));
    List<PointStats> stats = new ArrayList<>();
    for (SweepPoint p : sweep.points()) {
      List<RunRecord> mine = byPoint.get(p.id());
      if (mine != null) {
        stats.add(PointStats.of(p, mine, sweep));
      }
    }
    return new SweepAnalysis(sweep, List.copyOf(stats), ParetoFront.of(stats, sweep.frontMetrics()),
        Recommendation.of(stats, sweep));
  }
}
