package io.hns.spark;

import io.hns.simulator.plan.RunRecord;
import io.hns.simulator.plan.RunTask;
import io.hns.simulator.plan.SweepEngine;
import io.hns.simulator.plan.SweepEngineProvider;
import io.hns.simulator.plan.TaskRunner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;
import scala.util.Try;

/**
 * Runs a sweep's waves as Spark jobs: the wave's (point, replication) tasks are split into
 * partitions (one run per Spark task unless {@value #PARTITIONS} says how many partitions), each
 * Spark task runs its runs through the sweep's {@link TaskRunner} on an executor, and each
 * partition's records come back to the driver as soon as it finishes, where they are handed on in
 * completion order, so that the driver appends them to runs.csv as the local engine does. The
 * driver ({@code SweepRunner}) keys results by task, so the files do not depend on the partitioning.
 *
 * <p>The runner travels in the task closure as data (the sweep file's text, the base scenario and
 * the files it names: {@code PreparedSweep}), so executors need no shared file system. A run that
 * throws fails its Spark task; Spark retries it up to {@code spark.task.maxFailures} times (also in
 * local mode, where this engine writes the master as {@code local[N,F]}), and then the wave fails
 * with a {@link SweepEngine.TaskFailedException} naming the run.
 */
public final class SparkSweepEngine implements SweepEngine {
  /** Partitions per wave; default: one per run (each run its own Spark task). */
  public static final String PARTITIONS = "spark.hns.partitions";
  private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)])?");
  private static final Pattern ATTEMPTS = Pattern.compile("failed (\\d+) times");
  private static final Pattern RUN = Pattern.compile("hns run point=(\\d+) replication=(\\d+): ([^\\n]*)");
  private static final AtomicInteger ENGINES = new AtomicInteger();

  private final JavaSparkContext sc;
  private final boolean owned;
  private final Integer partitions;
  private final TaskListener listener;
  private final String name = "hns-plan-" + ENGINES.incrementAndGet();
  private int waves;

  /**
   * An engine on a context of its own, stopped by {@link #close()}; partitions from
   * {@value #PARTITIONS} (see {@link #newContext}).
   */
  public static SparkSweepEngine start(SweepEngineProvider.Settings settings) {
    JavaSparkContext sc = newContext(settings);
    try {
      String p = sc.getConf().get(PARTITIONS, "").trim();
      return new SparkSweepEngine(sc, true, p.isEmpty() ? null : Integer.valueOf(p), settings.notices());
    } catch (RuntimeException e) {
      sc.stop();
      throw e;
    }
  }

  /**
   * A Spark context for sweeps: Spark's settings from spark-submit (system properties), then
   * {@code settings.conf()}; the master is {@code settings.master()}, else spark-submit's, else
   * {@code local[threads]} (all cores), and a local master retries failed tasks (see
   * {@link #withRetries}).
   */
  public static JavaSparkContext newContext(SweepEngineProvider.Settings settings) {
    SparkConf conf = new SparkConf();
    settings.conf().forEach(conf::set);
    String master = settings.master() != null ? settings.master()
        : conf.get("spark.master", "local[" + (settings.threads() != null ? settings.threads() : "*") + "]");
    conf.setMaster(withRetries(master, conf.getInt("spark.task.maxFailures", 4)));
    conf.setIfMissing("spark.app.name", "hns plan");
    return new JavaSparkContext(conf);
  }

  /**
   * An engine on a context someone else owns (and stops).
   *
   * @param partitions partitions per wave, or null for one per run
   * @param notices where retried runs are reported (may be null)
   */
  public SparkSweepEngine(JavaSparkContext sc, Integer partitions, Consumer<String> notices) {
    this(sc, false, partitions, notices);
  }

  private SparkSweepEngine(JavaSparkContext sc, boolean owned, Integer partitions, Consumer<String> notices) {
    if (partitions != null && partitions < 1) {
      throw new IllegalArgumentException(PARTITIONS + " must be at least 1, got " + partitions);
    }
    this.sc = sc;
    this.owned = owned;
    this.partitions = partitions;
    this.listener = new TaskListener(notices == null ? m -> {} : notices, maxFailures(sc));
    sc.sc().addSparkListener(listener);
  }

  /**
   * {@code local} and {@code local[N]} as {@code local[N,F]}: Spark ignores
   * {@code spark.task.maxFailures} in local mode and never retries unless the master says so.
   */
  static String withRetries(String master, int maxFailures) {
    Matcher m = LOCAL.matcher(master.trim());
    if (!m.matches()) {
      return master;
    }
    return "local[" + (m.group(1) == null ? "1" : m.group(1)) + "," + maxFailures + "]";
  }

  private static int maxFailures(JavaSparkContext sc) {
    Matcher m = Pattern.compile("local\\[(?:\\d+|\\*),(\\d+)]").matcher(sc.master());
    return m.matches() ? Integer.parseInt(m.group(1)) : sc.getConf().getInt("spark.task.maxFailures", 4);
  }

  @Override
  public String describe() {
    return "spark (" + sc.master() + (partitions == null ? "" : ", " + partitions + " partitions") + ")";
  }

  /** Spark tasks that finished successfully, as the listener has seen them so far. */
  public int tasksSucceeded() {
    return listener.succeeded();
  }

  /** Spark task attempts that failed, as the listener has seen them so far. */
  public int attemptsFailed() {
    return listener.failedAttempts();
  }

  @Override
  public void execute(List<RunTask> tasks, TaskRunner runner, Consumer<RunRecord> results) throws InterruptedException {
    if (tasks.isEmpty()) {
      return;
    }
    if (!(runner instanceof Serializable)) {
      throw new IllegalArgumentException("the spark engine ships the task runner to executors: it must be Serializable"
          + " (PreparedSweep.runner() is), got " + runner.getClass().getName());
    }
    int n = tasks.size();
    int slices = partitions == null ? n : Math.min(partitions, n);
    List<List<RunTask>> chunks = new ArrayList<>(slices);
    for (int i = 0; i < slices; i++) {
      chunks.add(new ArrayList<>(tasks.subList((int) ((long) i * n / slices), (int) ((long) (i + 1) * n / slices))));
    }
    // One element per partition, so a partition is exactly one chunk.
    JavaRDD<List<RunTask>> rdd = sc.parallelize(chunks, slices);
    BlockingQueue<List<RunRecord>> done = new LinkedBlockingQueue<>();
    List<Object> ids = new ArrayList<>(slices);
    for (int i = 0; i < slices; i++) {
      ids.add(i);
    }
    sc.setJobGroup(name + "-wave-" + (++waves), "hns plan: " + n + " runs in " + slices + " tasks", true);
    SimpleFutureAction<BoxedUnit> job;
    try {
      job = sc.sc().submitJob(rdd.rdd(), new RunPartition(runner), CollectionConverters.asScala(ids).toList(),
          new Collect(done), new Nothing());
    } finally {
      sc.clearJobGroup();
    }
    int got = 0;
    try {
      while (got < n) {
        List<RunRecord> batch = done.poll(100, TimeUnit.MILLISECONDS);
        if (batch != null) {
          for (RunRecord r : batch) {
            results.accept(r);
            got++;
          }
        } else if (job.isCompleted() && done.isEmpty()) {
          Try<BoxedUnit> t = job.value().get();
          if (t.isFailure()) {
            throw failure(t.failed().get());
          }
          throw new IllegalStateException("the Spark job ended with " + got + " of " + n + " runs");
        }
      }
    } catch (InterruptedException | RuntimeException | Error e) {
      if (!job.isCompleted()) {
        job.cancel();
      }
      throw e;
    }
  }

  /** The run Spark gave up on, named; or the job's own failure when no run threw (an executor lost for good). */
  private static RuntimeException failure(Throwable e) {
    Matcher attempts = ATTEMPTS.matcher(String.valueOf(e.getMessage()));
    String tries = attempts.find() ? " (" + attempts.group(1) + " attempts, spark.task.maxFailures)" : "";
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof TaskRunFailure run) {
        Throwable original = run.getCause() != null ? run.getCause() : run;
        return new TaskFailedException(run.task(), new SparkTaskFailure(run.what() + tries, original));
      }
    }
    // The exception did not come back as an object: its text still names the run.
    Matcher m = RUN.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      RunTask t = new RunTask(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return new TaskFailedException(t, new SparkTaskFailure(m.group(3) + tries, e));
    }
    return new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    sc.sc().removeSparkListener(listener);
    if (owned) {
      sc.stop();
    }
  }

  /** On the driver, for each partition that finished: its records, to the waiting thread. */
  private static final class Collect extends AbstractFunction2<Object, ArrayList<RunRecord>, BoxedUnit> {
    private final BlockingQueue<List<RunRecord>> done;

    Collect(BlockingQueue<List<RunRecord>> done) {
      this.done = done;
    }

    @Override
    public BoxedUnit apply(Object partition, ArrayList<RunRecord> records) {
      done.add(records);
      return BoxedUnit.UNIT;
    }
  }

  /** The job's own result: nothing, the records went through {@link Collect}. */
  private static final class Nothing extends AbstractFunction0<BoxedUnit> {
    @Override
    public BoxedUnit apply() {
      return BoxedUnit.UNIT;
    }
  }
}
