package io.hns.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Pareto front and the recommendation on synthetic points with chosen means and spreads. */
class ParetoAndRecommendationTest {
  private static final Sweep SWEEP = SweepLoader.parse("s.yaml", """
      base: b.yaml
      points:
        - {maxCount: 1}
        - {maxCount: 2}
        - {maxCount: 3}
        - {maxCount: 4}
        - {maxCount: 5}
      slo: {metric: pod_start_p95_s, max: 60}
      """);

  /** Four runs per point: cost and p95 at {@code mean +- spread} (sd = spread * 2 / sqrt(3)). */
  private static List<RunRecord> runs(int point, double cost, double p95, double spread) {
    List<RunRecord> out = new ArrayList<>();
    double[] offsets = {-spread, spread, -spread, spread};
    for (int r = 0; r < 4; r++) {
      double[] m = new double[Metric.values().length];
      m[Metric.COST_USD.ordinal()] = cost + offsets[r] / 100;
      m[Metric.POD_START_P95_S.ordinal()] = p95 + offsets[r];
      out.add(new RunRecord(point, r, 1, m));
    }
    return out;
  }

  private static SweepAnalysis analyse(Sweep sweep, List<List<RunRecord>> points) {
    List<RunRecord> all = new ArrayList<>();
    points.forEach(all::addAll);
    return SweepAnalysis.of(sweep, all);
  }

  private static List<Integer> ids(List<PointStats> points) {
    return points.stream().map(p -> p.point().id()).toList();
  }

  @Test
  void frontKeepsTheNonDominatedPointsSortedByCost() {
    SweepAnalysis a = analyse(SWEEP, List.of(
        runs(1, 1.0, 100, 1),   // cheapest, slow: on the front
        runs(2, 2.0, 50, 1),    // on the front
        runs(3, 2.5, 55, 1),    // dominated by 2 (dearer and slower)
        runs(4, 3.0, 20, 1),    // fastest: on the front
        runs(5, 2.0, 50, 1)));  // ties 2 exactly: neither dominates the other
    assertThat(ids(a.pareto())).containsExactly(1, 2, 5, 4);
    assertThat(ParetoFront.dominates(a.points().get(1), a.points().get(2), SWEEP.frontMetrics())).isTrue();
  }

  @Test
  void recommendsTheCheapestWhoseUpperBoundMeetsTheSlo() {
    // Point 2's mean (58) is under 60 but its interval reaches past it: not good enough.
    // t(0.975, 3) = 3.182; sd of {-s, s, -s, s} is s * 2/sqrt(3); half-width = 3.182 * sd / 2.
    SweepAnalysis a = analyse(SWEEP, List.of(
        runs(1, 1.0, 100, 1),
        runs(2, 1.5, 58, 3),
        runs(3, 2.0, 50, 1),
        runs(4, 3.0, 20, 1),
        runs(5, 2.2, 40, 1)));
    Recommendation r = a.recommendation();
    assertThat(a.points().get(1).estimate(Metric.POD_START_P95_S).ciHigh()).isGreaterThan(60);
    assertThat(r.status()).isEqualTo(Recommendation.Status.MEETS_SLO);
    assertThat(r.point().point().id()).isEqualTo(3);
    Estimate p95 = a.points().get(2).estimate(Metric.POD_START_P95_S);
    assertThat(r.checks()).singleElement().satisfies(c -> {
      assertThat(c.met()).isTrue();
      assertThat(c.confidence()).isCloseTo(p95.confidenceAtMost(60), within(1e-12));
    });
    assertThat(r.confidence()).isGreaterThan(0.975);
    assertThat(r.message()).startsWith("Recommended: point 3 (maxCount=3)").contains("pod_start_p95_s <= 60");
    assertThat(a.points().stream().filter(PointStats::meetsSlo).map(p -> p.point().id()).toList()).containsExactly(3, 4, 5);
  }

  @Test
  void severalSlosCombineTheirMissProbabilities() {
    Sweep two = SweepLoader.parse("s.yaml", "base: b.yaml\npoints: [{maxCount: 1}]\nslo:\n"
        + "  - {metric: pod_start_p95_s, max: 60}\n  - {metric: cost_usd, max: 1.2}\n");
    Recommendation r = analyse(two, List.of(runs(1, 1.0, 50, 2))).recommendation();
    assertThat(r.status()).isEqualTo(Recommendation.Status.MEETS_SLO);
    double expected = 1 - (1 - r.checks().get(0).confidence()) - (1 - r.checks().get(1).confidence());
    assertThat(r.confidence()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void whenNothingMeetsTheSloTheClosestIsNamed() {
    SweepAnalysis a = analyse(SWEEP, List.of(
        runs(1, 1.0, 100, 1),
        runs(2, 1.5, 70, 1),
        runs(3, 2.0, 66, 1),   // upper bound ~ 67.8: 13 % over, the closest
        runs(4, 3.0, 90, 1),
        runs(5, 2.2, 80, 1)));
    Recommendation r = a.recommendation();
    assertThat(r.status()).isEqualTo(Recommendation.Status.NONE_MEETS_SLO);
    assertThat(r.point().point().id()).isEqualTo(3);
    assertThat(r.confidence()).isNaN();
    assertThat(r.message()).startsWith("No point meets the SLO").contains("Closest: point 3 (maxCount=3)").contains("not met");
  }

  @Test
  void withoutAnSloTheCheapestPoint() {
    Sweep none = SweepLoader.parse("s.yaml", "base: b.yaml\npoints: [{maxCount: 1}, {maxCount: 2}]\n");
    Recommendation r = analyse(none, List.of(runs(1, 2.0, 10, 1), runs(2, 1.0, 99, 1))).recommendation();
    assertThat(r.status()).isEqualTo(Recommendation.Status.NO_SLO);
    assertThat(r.point().point().id()).isEqualTo(2);
  }

  @Test
  void aSingleRunHasNoIntervalSoItCannotBeShownToMeetTheSlo() {
    Sweep one = SweepLoader.parse("s.yaml", "base: b.yaml\nreplications: 1\nslo: {metric: pod_start_p95_s, max: 60}\n");
    double[] m = new double[Metric.values().length];
    m[Metric.POD_START_P95_S.ordinal()] = 10;
    Recommendation r = SweepAnalysis.of(one, List.of(new RunRecord(1, 0, 1, m))).recommendation();
    assertThat(r.status()).isEqualTo(Recommendation.Status.NONE_MEETS_SLO);
    assertThat(r.message()).contains("no interval");
  }
}
