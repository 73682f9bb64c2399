package io.hns.simulator.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The answer of a sweep: the point with the lowest mean objective (cost) among those whose
 * confidence interval's upper bound meets every SLO. When none does, the closest point: the one
 * whose worst SLO is exceeded least (relative to its limit), cheaper first on ties. Without an SLO,
 * simply the cheapest point.
 *
 * @param confidence for a point meeting the SLO, a lower bound of the confidence that its true
 *     means meet every limit: 1 minus the sum of each SLO's one-sided miss probability
 *     (Student t; Bonferroni for several SLOs); NaN otherwise
 */
public record Recommendation(Status status, PointStats point, List<Check> checks, double confidence, String message) {
  public enum Status {
    MEETS_SLO,
    NONE_MEETS_SLO,
    NO_SLO,
    NO_POINTS
  }

  /** One SLO at the recommended point. */
  public record Check(SloTarget slo, Estimate estimate, boolean met, double confidence) {}

  public static Recommendation of(List<PointStats> points, Sweep sweep) {
    Metric objective = sweep.objective();
    Comparator<PointStats> cheapest = Comparator.<PointStats>comparingDouble(p -> orInfinity(p.mean(objective)))
        .thenComparingInt(p -> p.point().id());
    if (points.isEmpty()) {
      return new Recommendation(Status.NO_POINTS, null, List.of(), Double.NaN, "No point has runs yet.");
    }
    if (sweep.slo().isEmpty()) {
      PointStats p = points.stream().min(cheapest).orElseThrow();
      return new Recommendation(Status.NO_SLO, p, List.of(), Double.NaN,
          "No SLO given: the lowest mean " + objective.column() + " is point " + describe(p, sweep) + ".");
    }
    List<PointStats> meeting = points.stream().filter(PointStats::meetsSlo).sorted(cheapest).toList();
    if (!meeting.isEmpty()) {
      PointStats p = meeting.get(0);
      List<Check> checks = checks(p, sweep);
      double miss = checks.stream().mapToDouble(c -> 1 - c.confidence()).sum();
      double confidence = Math.max(0, 1 - miss);
      return new Recommendation(Status.MEETS_SLO, p, checks, confidence, String.format(
          "Recommended: point %s; it meets %s at the upper %s bound; confidence that it meets all: at least %s.",
          describe(p, sweep), sloText(checks, sweep), percent(sweep.confidence()), percent(confidence)));
    }
    PointStats closest = points.stream()
        .min(Comparator.<PointStats>comparingDouble(p -> worstShortfall(p, sweep)).thenComparing(cheapest))
        .orElseThrow();
    List<Check> checks = checks(closest, sweep);
    return new Recommendation(Status.NONE_MEETS_SLO, closest, checks, Double.NaN, String.format(
        "No point meets the SLO at the upper %s bound. Closest: point %s; %s.",
        percent(sweep.confidence()), describe(closest, sweep), sloText(checks, sweep)));
  }

  static double worstShortfall(PointStats p, Sweep sweep) {
    return sweep.slo().stream().mapToDouble(s -> s.shortfall(p.estimate(s.metric()))).max().orElse(0);
  }

  private static List<Check> checks(PointStats p, Sweep sweep) {
    List<Check> out = new ArrayList<>();
    for (SloTarget s : sweep.slo()) {
      Estimate e = p.estimate(s.metric());
      out.add(new Check(s, e, s.metBy(e), e.confidenceAtMost(s.max())));
    }
    return out;
  }

  private static String describe(PointStats p, Sweep sweep) {
    Estimate cost = p.estimate(sweep.objective());
    return p.point().id() + " (" + p.point().label() + "), " + sweep.objective().column() + " " + interval(cost)
        + " over " + p.runs() + " runs";
  }

  private static String sloText(List<Check> checks, Sweep sweep) {
    List<String> parts = new ArrayList<>();
    for (Check c : checks) {
      String bound = Double.isNaN(c.estimate().halfWidth()) ? "no interval (fewer than 2 runs)"
          : "upper bound " + PlanNumbers.format(sig(c.estimate().ciHigh()));
      parts.add(c.slo() + " (" + (c.met() ? "" : "not met: ") + "mean " + PlanNumbers.format(sig(c.estimate().mean()))
          + ", " + bound + ")");
    }
    return String.join(" and ", parts);
  }

  static String interval(Estimate e) {
    if (e.n() == 0) {
      return "n/a";
    }
    if (Double.isNaN(e.halfWidth())) {
      return PlanNumbers.format(sig(e.mean()));
    }
    return PlanNumbers.format(sig(e.mean())) + " [" + PlanNumbers.format(sig(e.ciLow())) + ", "
        + PlanNumbers.format(sig(e.ciHigh())) + "]";
  }

  /** Four significant digits for sentences; the files keep ten. */
  static double sig(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
  }

  static String percent(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    double v = Math.floor(p * 1000) / 10; // floor: never overstate a confidence
    return (v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v)) + "%";
  }

  private static double orInfinity(double v) {
    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
  }
}
