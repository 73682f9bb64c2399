package io.hns.simulator.plan;

import com.google.common.hash.Hashing;
import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.CompiledScenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep ready to run: every point's scenario compiled (all of them, whatever the shard, so that a
 * bad point is reported before any run), the seed every run uses, and the fingerprint that ties an
 * output folder to this sweep file and base scenario.
 */
public final class PreparedSweep {
  static final int PLAN_FORMAT = 1;

  private final Sweep sweep;
  private final List<CompiledScenario> scenarios;
  private final long seed;
  private final String fingerprint;

  private PreparedSweep(Sweep sweep, List<CompiledScenario> scenarios, long seed, String fingerprint) {
    this.sweep = sweep;
    this.scenarios = scenarios;
    this.seed = seed;
    this.fingerprint = fingerprint;
  }

  /** Reads the base scenario ({@code base:} relative to {@code sweepDir}) and compiles every point. */
  public static PreparedSweep prepare(Sweep sweep, Path sweepDir) {
    PointScenarios base = PointScenarios.of(PointScenarios.baseOf(sweep, sweepDir));
    List<CompiledScenario> compiled = new ArrayList<>();
    for (SweepPoint p : sweep.points()) {
      compiled.add(base.compile(p));
    }
    long seed = sweep.seed() != null ? sweep.seed() : base.baseSeed();
    String fingerprint = Hashing.sha256().newHasher()
        .putString("hns-plan-" + PLAN_FORMAT, StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(sweep.text(), StandardCharsets.UTF_8).putByte((byte) 0)
        .putString(base.baseText(), StandardCharsets.UTF_8)
        .hash().toString();
    return new PreparedSweep(sweep, List.copyOf(compiled), seed, fingerprint);
  }

  public Sweep sweep() {
    return sweep;
  }

  public long seed() {
    return seed;
  }

  public String fingerprint() {
    return fingerprint;
  }

  public CompiledScenario scenario(int pointId) {
    return scenarios.get(pointId - 1);
  }

  public PlanDirectory.PlanInfo info(Shard shard) {
    return new PlanDirectory.PlanInfo(PLAN_FORMAT, sweep.file(), sweep.text(), fingerprint, seed,
        shard.isAll() ? null : shard.toString());
  }

  /**
   * One run: the point's scenario with the sweep's seed and the replication index, so that
   * replication r of every point draws the same random numbers (common random numbers).
   */
  public TaskRunner runner() {
    return task -> {
      RunResult r = Simulation.run(scenario(task.point()), new Simulation.Options(seed, task.replication(), null, null));
      return new RunRecord(task.point(), task.replication(), seed, RunMetrics.of(r));
    };
  }
}
