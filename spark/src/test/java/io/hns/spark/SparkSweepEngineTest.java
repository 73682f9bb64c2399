package io.hns.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.simulator.plan.LocalSweepEngine;
import io.hns.simulator.plan.Planner;
import io.hns.simulator.plan.PreparedSweep;
import io.hns.simulator.plan.RunRecord;
import io.hns.simulator.plan.RunTask;
import io.hns.simulator.plan.Shard;
import io.hns.simulator.plan.SweepEngine;
import io.hns.simulator.plan.SweepEngineProvider;
import io.hns.simulator.plan.SweepListener;
import io.hns.simulator.plan.SweepLoader;
import io.hns.simulator.plan.SweepRunFailedException;
import io.hns.simulator.plan.SweepRunner;
import io.hns.simulator.plan.TaskRunner;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark engine in local[2] mode (one context for the class; Spark allows one per JVM): the same
 * runs.csv, points.csv and pareto.csv as the local engine byte for byte, whatever the partitioning;
 * a run that throws is retried and then reported with its point's parameters, the runs done before
 * are kept; a run that fails once succeeds on retry without changing a byte.
 */
class SparkSweepEngineTest {
  private static JavaSparkContext sc;
  private static Path local;
  private static PreparedSweep sweep;

  @TempDir static Path dir;

  @BeforeAll
  static void startSparkAndRunLocally() throws Exception {
    sc = SparkSweepEngine.newContext(SparkSweeps.settings("local[2]"));
    Path sweepFile = SparkSweeps.copy(dir.resolve("sweep"));
    sweep = PreparedSweep.prepare(SweepLoader.load(sweepFile), sweepFile.getParent());
    // The executors get the sweep and its base as data: the files are gone before any Spark task.
    for (String f : List.of("small.yaml", "burst-short.yaml", "web.yaml")) {
      Files.delete(sweepFile.getParent().resolve(f));
    }
    local = dir.resolve("local");
    try (SweepEngine engine = new LocalSweepEngine(2)) {
      Planner.run(sweep, engine, new SweepRunner.Options(local, false, Shard.ALL, null));
    }
  }

  @AfterAll
  static void stopSpark() {
    if (sc != null) {
      sc.stop();
    }
  }

  private static Planner.Result spark(Path out, Integer partitions, TaskRunner runner, SweepListener listener,
      List<String> notices) throws Exception {
    PreparedSweep s = sweep;
    try (SparkSweepEngine engine = new SparkSweepEngine(sc, partitions, notices == null ? null : notices::add)) {
      SweepEngine wrapped = runner == null ? engine : new SweepEngine() {
        @Override
        public String describe() {
          return engine.describe();
        }

        @Override
        public void execute(List<RunTask> tasks, TaskRunner ignored, java.util.function.Consumer<RunRecord> results)
            throws InterruptedException {
          engine.execute(tasks, runner, results);
        }

        @Override
        public void close() {}
      };
      return Planner.run(s, wrapped, new SweepRunner.Options(out, false, Shard.ALL, listener));
    }
  }

  private static void assertSameFilesAsLocal(Path out) throws Exception {
    for (String f : SparkSweeps.FILES) {
      assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
    }
    assertThat(SparkSweeps.summaryWithoutEngine(out)).isEqualTo(SparkSweeps.summaryWithoutEngine(local));
  }

  @Test
  void theSameFilesAsTheLocalEngineWhateverThePartitioning() throws Exception {
    assertThat(sc.master()).isEqualTo("local[2,3]");
    AtomicInteger finished = new AtomicInteger();
    SweepListener progress = new SweepListener() {
      @Override
      public void runFinished(RunRecord run) {
        finished.incrementAndGet();
      }
    };
    Planner.Result perRun = spark(dir.resolve("per-run"), null, null, progress, null);
    assertSameFilesAsLocal(dir.resolve("per-run"));
    assertThat(finished.get()).isEqualTo(perRun.outcome().executed()).isGreaterThan(12);
    assertThat(Files.readString(dir.resolve("per-run").resolve("summary.json"))).contains("\"engine\" : \"spark (local[2,3])\"");
    for (int partitions : new int[] {1, 2, 7}) {
      Path out = dir.resolve("partitions-" + partitions);
      spark(out, partitions, null, null, null);
      assertSameFilesAsLocal(out);
    }
  }

  @Test
  void aRunThatThrowsIsRetriedThenReportedWithItsPointAndTheFinishedRunsAreKept() throws Exception {
    List<String> notices = new CopyOnWriteArrayList<>();
    Path out = dir.resolve("failing");
    AtomicInteger done = new AtomicInteger();
    SweepListener progress = new SweepListener() {
      @Override
      public void runFinished(RunRecord run) {
        done.incrementAndGet();
      }
    };
    Failing.reset();
    assertThatThrownBy(() -> spark(out, null, new Failing(sweep.runner(), 3, 1, Integer.MAX_VALUE), progress, notices))
        .isInstanceOf(SweepRunFailedException.class)
        .hasMessage("point 3 (policy=burst, maxCount=3) replication 1 failed:"
            + " java.lang.IllegalStateException: boom at point 3 replication 1 (3 attempts, spark.task.maxFailures)");
    assertThat(Failing.attempts()).isEqualTo(3);
    // Every run that finished before the wave failed is in runs.csv (header + one line per run).
    assertThat(Files.readAllLines(out.resolve("runs.csv"))).hasSize(done.get() + 1);
    assertThat(done.get()).isGreaterThan(0);
    awaitNotices(notices, 3);
    assertThat(notices).contains(
        "spark: point 3 replication 1: java.lang.IllegalStateException: boom at point 3 replication 1 (attempt 1 of 3; retrying)",
        "spark: point 3 replication 1: java.lang.IllegalStateException: boom at point 3 replication 1 (attempt 3 of 3)");
  }

  @Test
  void aRunThatFailsOnceSucceedsOnRetryAndChangesNothing() throws Exception {
    Failing.reset();
    Path out = dir.resolve("flaky");
    spark(out, 2, new Failing(sweep.runner(), 2, 0, 1), null, null);
    assertThat(Failing.attempts()).isEqualTo(2);
    assertSameFilesAsLocal(out);
  }

  @Test
  void theProviderIsFoundByServiceLoader() {
    assertThat(ServiceLoader.load(SweepEngineProvider.class).stream().map(p -> p.get().name()).toList()).contains("spark");
  }

  @Test
  void aLocalMasterGetsRetries() {
    assertThat(SparkSweepEngine.withRetries("local", 4)).isEqualTo("local[1,4]");
    assertThat(SparkSweepEngine.withRetries("local[2]", 4)).isEqualTo("local[2,4]");
    assertThat(SparkSweepEngine.withRetries("local[*]", 3)).isEqualTo("local[*,3]");
    assertThat(SparkSweepEngine.withRetries("local[2,5]", 3)).isEqualTo("local[2,5]");
    assertThat(SparkSweepEngine.withRetries("spark://10.0.0.1:7077", 3)).isEqualTo("spark://10.0.0.1:7077");
  }

  private static void awaitNotices(List<String> notices, int n) throws InterruptedException {
    for (int i = 0; i < 100 && notices.size() < n; i++) {
      Thread.sleep(50);
    }
  }

  /**
   * A test-only decorator of the sweep's runner: the run (point, replication) throws on its first
   * {@code failures} attempts. Serializable like the runner it wraps; counts attempts in a static
   * map, which works because local mode's executors are this JVM.
   */
  static final class Failing implements TaskRunner, Serializable {
    private static final long serialVersionUID = 1L;
    private static final ConcurrentHashMap<String, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();
    private final TaskRunner inner;
    private final int point;
    private final int replication;
    private final int failures;

    Failing(TaskRunner inner, int point, int replication, int failures) {
      this.inner = inner;
      this.point = point;
      this.replication = replication;
      this.failures = failures;
    }

    static void reset() {
      ATTEMPTS.clear();
    }

    static int attempts() {
      return ATTEMPTS.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public RunRecord run(RunTask task) {
      if (task.point() == point && task.replication() == replication) {
        ATTEMPTS.computeIfAbsent(task.toString(), k -> new AtomicInteger()).incrementAndGet();
        if (TaskContext.get().attemptNumber() < failures) {
          throw new IllegalStateException("boom at point " + point + " replication " + replication);
        }
      }
      return inner.run(task);
    }
  }
}
