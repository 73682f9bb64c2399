package io.hns.simulator.plan;

import java.util.Arrays;
import java.util.Comparator;

/**
 * One finished run of a sweep: which point, which replication, the seed it drew from, and its
 * metrics (indexed by {@link Metric#ordinal()}, rounded as runs.csv prints them). Serializable, so that
 * engines on other JVMs can send it back.
 */
public record RunRecord(int point, int replication, long seed, double[] metrics) implements java.io.Serializable {
  /** runs.csv's order, whatever order the runs finished in. */
  public static final Comparator<RunRecord> ORDER =
      Comparator.comparingInt(RunRecord::point).thenComparingInt(RunRecord::replication);

  public double metric(Metric m) {
    return metrics[m.ordinal()];
  }

  public RunTask task() {
    return new RunTask(point, replication);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RunRecord r && r.point == point && r.replication == replication && r.seed == seed
        && Arrays.equals(r.metrics, metrics);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * point + replication) + Arrays.hashCode(metrics);
  }

  @Override
  public String toString() {
    return "RunRecord[point=" + point + ", replication=" + replication + ", seed=" + seed + ", metrics="
        + Arrays.toString(metrics) + "]";
  }
}
