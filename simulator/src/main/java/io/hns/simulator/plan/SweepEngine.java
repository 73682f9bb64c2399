package io.hns.simulator.plan;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a sweep's runs execute. The driver ({@link SweepRunner}) decides which tasks to run and in
 * which waves (resume, shards, early stop); an engine only runs a wave's tasks and hands back each
 * record as it finishes. Results are keyed by task, never by arrival order, so engines may differ
 * in parallelism and placement without changing any output byte: {@link LocalSweepEngine} uses a
 * thread pool; a Spark engine (issue 8) would turn a wave into one job of tasks, each running the
 * same {@link TaskRunner}.
 */
public interface SweepEngine extends AutoCloseable {
  /** For summary.json and messages, e.g. {@code local (2 threads)}. */
  String describe();

  /**
   * Runs every task; calls {@code results} once per task, on the calling thread, one call at a time,
   * in completion order. A task that throws stops the wave: the tasks not started are cancelled,
   * and this throws a {@link TaskFailedException} naming the task.
   */
  void execute(List<RunTask> tasks, TaskRunner runner, Consumer<RunRecord> results) throws InterruptedException;

  @Override
  void close();

  /** A task that threw: the task and why. */
  final class TaskFailedException extends RuntimeException {
    private final RunTask task;

    public TaskFailedException(RunTask task, Throwable cause) {
      super("point " + task.point() + " replication " + task.replication() + " failed: " + cause, cause);
      this.task = task;
    }

    public RunTask task() {
      return task;
    }
  }
}
