package io.hns.simulator.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output folders of one sweep's shards and checks they fit together: the same sweep
 * and base (fingerprint) and seed, no point covered twice, every point covered, and every run its
 * schedule needs present.
 */
public final class PlanMerger {
  /** The sweep rebuilt from plan.json, and the runs it uses, sorted. */
  public record Merged(Sweep sweep, PlanDirectory.PlanInfo info, List<RunRecord> runs) {}

  private PlanMerger() {}

  public static Merged read(List<Path> dirs) {
    if (dirs.isEmpty()) {
      throw new SweepException("plan merge: give the output folders of the shards");
    }
    PlanDirectory.PlanInfo first = PlanDirectory.at(dirs.get(0)).read();
    Sweep sweep = SweepLoader.parse(first.sweepFile(), first.sweepText());
    Map<Integer, Path> owner = new HashMap<>();
    List<RunRecord> runs = new ArrayList<>();
    for (Path d : dirs) {
      PlanDirectory dir = PlanDirectory.at(d);
      PlanDirectory.PlanInfo info = dir.read();
      if (!info.fingerprint().equals(first.fingerprint()) || info.seed() != first.seed()) {
        throw new SweepException(d + " is from another sweep, base scenario or seed than " + dirs.get(0));
      }
      Shard shard = info.shardValue();
      for (SweepPoint p : sweep.points()) {
        if (shard.includes(p.id())) {
          Path before = owner.putIfAbsent(p.id(), d);
          if (before != null) {
            throw new SweepException("point " + p.id() + " is in both " + before + " and " + d + " (the same shard twice?)");
          }
        }
      }
      for (RunRecord r : RunsCsv.read(dir.file(RunsCsv.FILE), sweep)) {
        if (shard.includes(r.point())) {
          runs.add(r);
        }
      }
    }
    for (SweepPoint p : sweep.points()) {
      if (!owner.containsKey(p.id())) {
        throw new SweepException("no folder has point " + p.id() + " (" + p.label() + "): a shard is missing");
      }
    }
    return new Merged(sweep, first, SweepRunner.replay(sweep, runs, Shard.ALL));
  }
}
