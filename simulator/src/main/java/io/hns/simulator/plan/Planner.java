package io.hns.simulator.plan;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code hns plan} end to end: run (or resume) the sweep, analyse its runs, write the files. */
public final class Planner {
  /** What the command shows: the analysis, what ran, and where the files are. */
  public record Result(SweepAnalysis analysis, SweepRunner.Outcome outcome, Path dir) {}

  private Planner() {}

  public static Result run(PreparedSweep prepared, SweepEngine engine, SweepRunner.Options options) throws InterruptedException {
    SweepRunner.Outcome o = SweepRunner.run(prepared, engine, options);
    SweepAnalysis a = SweepAnalysis.of(prepared.sweep(), o.runs());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("engine", engine.describe());
    facts.put("runs_executed", o.executed());
    facts.put("runs_resumed", o.resumed());
    facts.put("wall_time_s", o.wallMs() / 1000.0);
    facts.put("runs_per_wall_second", o.wallMs() > 0 ? Math.round(o.executed() * 10_000.0 / o.wallMs()) / 10.0 : null);
    PlanWriter.writeAll(options.out(), a, o.runs(), prepared.seed(), prepared.fingerprint(), options.shard(), facts);
    return new Result(a, o, options.out());
  }

  /**
   * {@code hns plan merge}: the folders of one sweep's shards (or of any runs of it) into the files
   * one uninterrupted run writes.
   */
  public static Result merge(List<Path> dirs, Path out) {
    PlanMerger.Merged m = PlanMerger.read(dirs);
    PlanDirectory target = PlanDirectory.at(out);
    if (java.nio.file.Files.exists(target.file(RunsCsv.FILE)) && !dirs.contains(out)) {
      throw new SweepException(out + " already holds " + RunsCsv.FILE + ": give another --out");
    }
    target.write(new PlanDirectory.PlanInfo(m.info().format(), m.info().sweepFile(), m.info().sweepText(),
        m.info().fingerprint(), m.info().seed(), null));
    SweepAnalysis a = SweepAnalysis.of(m.sweep(), m.runs());
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("engine", "merge");
    facts.put("merged_from", dirs.stream().map(Path::toString).toList());
    PlanWriter.writeAll(out, a, m.runs(), m.info().seed(), m.info().fingerprint(), Shard.ALL, facts);
    return new Result(a, new SweepRunner.Outcome(m.runs(), 0, m.runs().size(), 0), out);
  }
}
