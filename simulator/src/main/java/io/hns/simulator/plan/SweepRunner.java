package io.hns.simulator.plan;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives a sweep: claims the output folder, keeps the runs a resume finds there, plans the waves
 * of runs (every replication at once, or batches under a stop rule), has an engine run what is
 * missing while appending each finished run to runs.csv, and returns the runs the sweep used, in
 * (point, replication) order. The runs used depend only on the sweep and the seed: not on threads,
 * engine, shard layout or interruptions.
 */
public final class SweepRunner {
  /** Where and how: the output folder, whether to continue it, which shard, who to tell. */
  public record Options(Path out, boolean resume, Shard shard, SweepListener listener) {
    public Options {
      shard = shard == null ? Shard.ALL : shard;
      listener = listener == null ? SweepListener.NONE : listener;
    }
  }

  /** What a sweep did: the runs it used (sorted), how many ran now and how many came from disk. */
  public record Outcome(List<RunRecord> runs, int executed, int resumed, long wallMs) {}

  private SweepRunner() {}

  public static Outcome run(PreparedSweep prepared, SweepEngine engine, Options options) throws InterruptedException {
    PlanDirectory dir = PlanDirectory.at(options.out());
    Sweep sweep = prepared.sweep();
    List<RunRecord> onDisk = dir.claim(prepared.info(options.shard()), sweep, options.resume());
    Map<RunTask, RunRecord> known = new HashMap<>();
    for (RunRecord r : onDisk) {
      if (r.seed() == prepared.seed() && options.shard().includes(r.point()) && r.replication() < sweep.replications()) {
        known.put(r.task(), r);
      }
    }
    long start = System.nanoTime();
    try (RunLog log = RunLog.start(dir.file(RunsCsv.FILE), sweep, List.copyOf(known.values()))) {
      Outcome o = runWaves(prepared, engine, options, known, log);
      return new Outcome(o.runs(), o.executed(), o.resumed(), (System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Replays {@code runs} through the schedule without running anything: the runs a finished sweep
   * (or the merged shards) used, or an error naming the first missing one.
   */
  public static List<RunRecord> replay(Sweep sweep, List<RunRecord> runs, Shard shard) {
    Map<RunTask, RunRecord> known = new HashMap<>();
    runs.forEach(r -> known.put(r.task(), r));
    ReplicationSchedule schedule = new ReplicationSchedule(sweep);
    List<RunRecord> used = new ArrayList<>();
    for (SweepPoint p : sweep.points()) {
      if (!shard.includes(p.id())) {
        continue;
      }
      List<RunRecord> mine = new ArrayList<>();
      int batch = schedule.firstBatch();
      while (batch > 0) {
        for (int r = mine.size(), end = mine.size() + batch; r < end; r++) {
          RunRecord rec = known.get(new RunTask(p.id(), r));
          if (rec == null) {
            throw new SweepException("point " + p.id() + " (" + p.label() + ") replication " + r
                + " is missing: that sweep or shard did not finish; continue it with --resume");
          }
          mine.add(rec);
        }
        batch = schedule.nextBatch(mine.size(), mine);
      }
      used.addAll(mine);
    }
    return used;
  }

  private static Outcome runWaves(PreparedSweep prepared, SweepEngine engine, Options options,
      Map<RunTask, RunRecord> known, RunLog log) throws InterruptedException {
    Sweep sweep = prepared.sweep();
    ReplicationSchedule schedule = new ReplicationSchedule(sweep);
    Map<Integer, List<RunRecord>> used = new LinkedHashMap<>();
    Map<Integer, Integer> batch = new LinkedHashMap<>();
    for (SweepPoint p : sweep.points()) {
      if (options.shard().includes(p.id())) {
        used.put(p.id(), new ArrayList<>());
        batch.put(p.id(), schedule.firstBatch());
      }
    }
    options.listener().started(used.size() * schedule.replications(), known.size());
    int executed = 0;
    int resumed = 0;
    while (!batch.isEmpty()) {
      List<RunTask> wave = new ArrayList<>();
      for (Map.Entry<Integer, Integer> e : batch.entrySet()) {
        int done = used.get(e.getKey()).size();
        for (int r = done; r < done + e.getValue(); r++) {
          wave.add(new RunTask(e.getKey(), r));
        }
      }
      List<RunTask> missing = wave.stream().filter(t -> !known.containsKey(t)).toList();
      resumed += wave.size() - missing.size();
      try {
        engine.execute(missing, prepared.runner(), r -> {
          known.put(r.task(), r);
          log.append(r);
          options.listener().runFinished(r);
        });
      } catch (SweepEngine.TaskFailedException e) {
        RunTask t = e.task();
        throw new SweepRunFailedException("point " + t.point() + " (" + sweep.point(t.point()).label() + ") replication "
            + t.replication() + " failed: " + e.getCause(), e.getCause());
      }
      executed += missing.size();
      Map<Integer, Integer> next = new LinkedHashMap<>();
      for (Map.Entry<Integer, Integer> e : batch.entrySet()) {
        List<RunRecord> mine = used.get(e.getKey());
        for (int r = mine.size(), end = mine.size() + e.getValue(); r < end; r++) {
          mine.add(known.get(new RunTask(e.getKey(), r)));
        }
        int more = schedule.nextBatch(mine.size(), mine);
        if (more > 0) {
          next.put(e.getKey(), more);
        } else if (mine.size() < schedule.replications()) {
          options.listener().pointStopped(e.getKey(), mine.size(), schedule.replications() - mine.size());
        }
      }
      batch = next;
    }
    List<RunRecord> all = new ArrayList<>();
    used.values().forEach(all::addAll);
    all.sort(RunRecord.ORDER);
    return new Outcome(List.copyOf(all), executed, resumed, 0);
  }
}
