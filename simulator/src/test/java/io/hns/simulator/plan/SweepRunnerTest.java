package io.hns.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps end to end on a small sweep: the same files byte for byte whatever the thread count, after
 * an interruption and resume, and from shards merged; early stop decided the same way every time.
 */
class SweepRunnerTest {
  static final List<String> FILES = List.of(RunsCsv.FILE, PlanWriter.POINTS_CSV, PlanWriter.PARETO_CSV);

  @TempDir Path dir;

  private Planner.Result plan(PreparedSweep sweep, Path out, int threads, boolean resume, Shard shard) throws Exception {
    try (SweepEngine engine = new LocalSweepEngine(threads)) {
      return Planner.run(sweep, engine, new SweepRunner.Options(out, resume, shard, null));
    }
  }

  private static void assertSameFiles(Path a, Path b) throws Exception {
    for (String f : FILES) {
      assertThat(Files.readString(b.resolve(f))).as(f).isEqualTo(Files.readString(a.resolve(f)));
    }
    assertThat(summaryWithoutEngine(b)).isEqualTo(summaryWithoutEngine(a));
  }

  private static String summaryWithoutEngine(Path d) throws Exception {
    String s = Files.readString(d.resolve(PlanWriter.SUMMARY_JSON));
    return s.substring(0, s.indexOf("\"engine\""));
  }

  @Test
  void parallelAndSerialSweepsWriteIdenticalFiles() throws Exception {
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir, "replications: 4\n"));
    Planner.Result serial = plan(sweep, dir.resolve("serial"), 1, false, Shard.ALL);
    Planner.Result parallel = plan(sweep, dir.resolve("parallel"), 4, false, Shard.ALL);
    assertSameFiles(dir.resolve("serial"), dir.resolve("parallel"));
    assertThat(serial.outcome().executed()).isEqualTo(16);
    List<String> runs = Files.readAllLines(dir.resolve("parallel").resolve(RunsCsv.FILE));
    assertThat(runs).hasSize(17);
    assertThat(runs.get(0)).startsWith("point,policy,maxCount,duration,replication,seed,cost_usd,vm_cost_usd,aci_cost_usd,");
    assertThat(runs.get(1)).startsWith("1,vmss-only,3,15m,0,7,");
    assertThat(runs.get(16)).startsWith("4,burst,6,15m,3,7,");
    assertThat(Files.readAllLines(dir.resolve("serial").resolve(PlanWriter.POINTS_CSV))).hasSize(5);
    assertThat(parallel.analysis().recommendation().status()).isNotEqualTo(Recommendation.Status.NO_POINTS);
  }

  @Test
  void replicationsShareRandomNumbersAcrossPoints() throws Exception {
    // Under burst the autoscaler never grows the pool (the pitfall), so maxCount changes nothing:
    // with common random numbers, replication r of both points is the same run.
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir, "replications: 3\n"));
    List<RunRecord> runs = plan(sweep, dir.resolve("out"), 2, false, Shard.ALL).outcome().runs();
    Map<Integer, List<RunRecord>> byPoint = runs.stream().collect(Collectors.groupingBy(RunRecord::point, TreeMap::new, Collectors.toList()));
    for (int r = 0; r < 3; r++) {
      assertThat(byPoint.get(3).get(r).metrics()).isEqualTo(byPoint.get(4).get(r).metrics());
    }
    // ...while replications differ from each other.
    assertThat(byPoint.get(3).get(0).metrics()).isNotEqualTo(byPoint.get(3).get(1).metrics());
  }

  @Test
  void anInterruptedSweepResumesToTheSameFiles() throws Exception {
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir, "replications: 4\n"));
    plan(sweep, dir.resolve("whole"), 2, false, Shard.ALL);

    Path cut = dir.resolve("cut");
    try (SweepEngine engine = new InterruptingEngine(new LocalSweepEngine(2), 6)) {
      assertThatThrownBy(() -> Planner.run(sweep, engine, new SweepRunner.Options(cut, false, Shard.ALL, null)))
          .isInstanceOf(InterruptedException.class);
    }
    // What an interruption leaves: the finished runs, in completion order, and no other file.
    assertThat(Files.readAllLines(cut.resolve(RunsCsv.FILE))).hasSize(1 + 6);
    assertThat(cut.resolve(PlanWriter.POINTS_CSV)).doesNotExist();

    assertThatThrownBy(() -> plan(sweep, cut, 2, false, Shard.ALL))
        .isInstanceOf(SweepException.class).hasMessageContaining("add --resume");
    Planner.Result resumed = plan(sweep, cut, 3, true, Shard.ALL);
    assertThat(resumed.outcome().resumed()).isEqualTo(6);
    assertThat(resumed.outcome().executed()).isEqualTo(10);
    assertSameFiles(dir.resolve("whole"), cut);
  }

  @Test
  void aHalfWrittenLastLineIsRunAgain() throws Exception {
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir, "replications: 3\n"));
    Path whole = dir.resolve("whole");
    plan(sweep, whole, 2, false, Shard.ALL);
    Path partial = dir.resolve("partial");
    Files.createDirectories(partial);
    Files.copy(whole.resolve(PlanDirectory.PLAN_JSON), partial.resolve(PlanDirectory.PLAN_JSON));
    List<String> lines = new ArrayList<>(Files.readAllLines(whole.resolve(RunsCsv.FILE)));
    String header = lines.remove(0);
    Collections.shuffle(lines, new java.util.Random(1));
    String kept = String.join("\n", lines.subList(0, 5));
    String torn = lines.get(5).substring(0, lines.get(5).length() / 2);
    Files.writeString(partial.resolve(RunsCsv.FILE), header + "\n" + kept + "\n" + torn);
    Planner.Result resumed = plan(sweep, partial, 2, true, Shard.ALL);
    assertThat(resumed.outcome().resumed()).isEqualTo(5);
    assertSameFiles(whole, partial);
  }

  @Test
  void resumeRefusesTheRunsOfAnotherSweep() throws Exception {
    Path out = dir.resolve("out");
    plan(TestSweeps.prepare(TestSweeps.write(dir.resolve("a"), "replications: 2\n")), out, 2, false, Shard.ALL);
    PreparedSweep other = TestSweeps.prepare(TestSweeps.write(dir.resolve("b"), "replications: 3\n"));
    assertThatThrownBy(() -> plan(other, out, 2, true, Shard.ALL))
        .isInstanceOf(SweepException.class).hasMessageContaining("another sweep");
  }

  @Test
  void earlyStopIsDecidedInReplicationOrderWhateverTheThreads() throws Exception {
    // vmss-only's cost hardly varies (VMs bill by the hour of their life), burst's ACI cost does.
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir,
        "replications: 12\nstopWhen: {metric: cost_usd, relativeHalfWidth: 0.01, minReplications: 3, checkEvery: 3}\n"));
    Planner.Result one = plan(sweep, dir.resolve("one"), 1, false, Shard.ALL);
    Planner.Result three = plan(sweep, dir.resolve("three"), 3, false, Shard.ALL);
    assertSameFiles(dir.resolve("one"), dir.resolve("three"));
    List<Integer> runs = one.analysis().points().stream().map(PointStats::runs).toList();
    assertThat(runs).allMatch(n -> n % 3 == 0 && n >= 3 && n <= 12);
    assertThat(runs).anyMatch(n -> n < 12);
    // A point stopped where the rule first held, at a check: not before, and not later.
    StopRule rule = sweep.sweep().stopWhen().get(0);
    for (PointStats p : one.analysis().points()) {
      List<RunRecord> mine = one.outcome().runs().stream().filter(r -> r.point() == p.point().id()).toList();
      if (p.stoppedEarly()) {
        assertThat(rule.metBy(cost(mine, p.runs()))).isTrue();
      }
      for (int n = 3; n < p.runs(); n += 3) {
        assertThat(rule.metBy(cost(mine, n))).as("point %d after %d runs", p.point().id(), n).isFalse();
      }
    }
    assertThat(Files.readString(dir.resolve("one").resolve(PlanWriter.SUMMARY_JSON))).contains("\"points_stopped_early\"");
  }

  private static Estimate cost(List<RunRecord> runs, int n) {
    return Estimate.of(runs.subList(0, n).stream().mapToDouble(r -> r.metric(Metric.COST_USD)).toArray(), 0.95);
  }

  @Test
  void shardsMergeIntoTheFilesOfOneRun() throws Exception {
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir,
        "replications: 6\nstopWhen: {metric: cost_usd, relativeHalfWidth: 0.01, minReplications: 3, checkEvery: 3}\n"));
    plan(sweep, dir.resolve("whole"), 2, false, Shard.ALL);
    Planner.Result first = plan(sweep, dir.resolve("s1"), 1, false, new Shard(1, 2));
    plan(sweep, dir.resolve("s2"), 2, false, new Shard(2, 2));
    assertThat(first.analysis().points().stream().map(p -> p.point().id()).toList()).containsExactly(1, 3);
    assertThat(Files.readString(dir.resolve("s1").resolve(PlanWriter.SUMMARY_JSON))).contains("\"shard\" : \"1/2\"");

    assertThatThrownBy(() -> Planner.merge(List.of(dir.resolve("s1")), dir.resolve("merged")))
        .isInstanceOf(SweepException.class).hasMessageContaining("point 2").hasMessageContaining("a shard is missing");
    assertThatThrownBy(() -> Planner.merge(List.of(dir.resolve("s1"), dir.resolve("s1"), dir.resolve("s2")), dir.resolve("merged")))
        .hasMessageContaining("the same shard twice");
    Planner.merge(List.of(dir.resolve("s2"), dir.resolve("s1")), dir.resolve("merged"));
    assertSameFiles(dir.resolve("whole"), dir.resolve("merged"));
  }

  @Test
  void aFailingRunNamesItsPoint() throws Exception {
    PreparedSweep sweep = TestSweeps.prepare(TestSweeps.write(dir, "replications: 2\n"));
    SweepEngine failing = new SweepEngine() {
      final LocalSweepEngine inner = new LocalSweepEngine(2);

      @Override
      public String describe() {
        return "failing";
      }

      @Override
      public void execute(List<RunTask> tasks, TaskRunner runner, Consumer<RunRecord> results) throws InterruptedException {
        inner.execute(tasks, t -> {
          if (t.point() == 3 && t.replication() == 1) {
            throw new IllegalStateException("boom");
          }
          return runner.run(t);
        }, results);
      }

      @Override
      public void close() {
        inner.close();
      }
    };
    try (failing) {
      assertThatThrownBy(() -> Planner.run(sweep, failing, new SweepRunner.Options(dir.resolve("out"), false, Shard.ALL, null)))
          .isInstanceOf(SweepRunFailedException.class)
          .hasMessageContaining("point 3 (policy=burst, maxCount=3, duration=15m) replication 1 failed")
          .hasMessageContaining("boom");
    }
  }

  /** Stands for Ctrl-C: passes on {@code limit} results, then the sweep's thread is interrupted. */
  private static final class InterruptingEngine implements SweepEngine {
    private final LocalSweepEngine inner;
    private int left;

    InterruptingEngine(LocalSweepEngine inner, int limit) {
      this.inner = inner;
      this.left = limit;
    }

    @Override
    public String describe() {
      return "interrupting";
    }

    @Override
    public void execute(List<RunTask> tasks, TaskRunner runner, Consumer<RunRecord> results) throws InterruptedException {
      try {
        inner.execute(tasks, runner, r -> {
          if (left-- <= 0) {
            throw new Stop();
          }
          results.accept(r);
        });
      } catch (Stop s) {
        throw new InterruptedException("interrupted");
      }
    }

    private static final class Stop extends RuntimeException {}

    @Override
    public void close() {
      inner.close();
    }
  }
}
