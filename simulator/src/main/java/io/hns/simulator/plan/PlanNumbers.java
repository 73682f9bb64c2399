package io.hns.simulator.plan;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How the plan files print numbers: at most 10 significant digits, plain notation, no trailing
 * zeros, NaN as an empty cell. A value rounded by {@link #round} prints and parses back to the
 * same double, which is what makes resumed and merged sweeps byte-identical to uninterrupted ones.
 */
public final class PlanNumbers {
  private static final MathContext DIGITS = new MathContext(10);

  private PlanNumbers() {}

  public static double round(double v) {
    if (!Double.isFinite(v) || v == 0) {
      return v == 0 ? 0 : v;
    }
    return new BigDecimal(v).round(DIGITS).doubleValue();
  }

  public static String format(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    double r = round(v);
    if (r == 0) {
      return "0";
    }
    return BigDecimal.valueOf(r).stripTrailingZeros().toPlainString();
  }

  public static double parse(String cell) {
    if (cell == null || cell.isEmpty()) {
      return Double.NaN;
    }
    return switch (cell) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(cell);
    };
  }
}
