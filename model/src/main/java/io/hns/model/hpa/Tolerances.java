package io.hns.model.hpa;

/** replica_calculator.go Tolerances: how far the usage ratio may stray from 1 before the HPA acts. */
public record Tolerances(double scaleDown, double scaleUp) {

  /**
   * Tolerances.isWithin: {@code 1-down <= ratio <= 1+up}, both ends inclusive, in float64 like
   * upstream so that a ratio of exactly 1.1 is still within a 0.1 tolerance.
   */
  public boolean isWithin(double usageRatio) {
    return (1.0 - scaleDown) <= usageRatio && usageRatio <= (1.0 + scaleUp);
  }
}
