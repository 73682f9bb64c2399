package io.hns.spark;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The driver's view of the engine's Spark tasks: counts the tasks that finished and the attempts
 * that failed, and says when a run failed and Spark retries it (naming the point and replication).
 * Spark calls it on its listener-bus thread, a little after the fact.
 */
final class TaskListener extends SparkListener {
  private final Consumer<String> notices;
  private final int maxFailures;
  private final AtomicInteger succeeded = new AtomicInteger();
  private final AtomicInteger failedAttempts = new AtomicInteger();

  TaskListener(Consumer<String> notices, int maxFailures) {
    this.notices = notices;
    this.maxFailures = maxFailures;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.reason() == Success$.MODULE$) {
      succeeded.incrementAndGet();
      return;
    }
    if (end.reason() instanceof ExceptionFailure f) {
      failedAttempts.incrementAndGet();
      int attempt = end.taskInfo().attemptNumber() + 1;
      String what = f.exception().isDefined() && f.exception().get() instanceof TaskRunFailure r
          ? "point " + r.task().point() + " replication " + r.task().replication() + ": " + r.what()
          : "task " + end.taskInfo().index() + ": " + f.className() + ": " + f.description();
      notices.accept("spark: " + what + " (attempt " + attempt + " of " + maxFailures
          + (attempt < maxFailures ? "; retrying)" : ")"));
    }
  }

  /** Spark tasks that finished successfully since the engine started. */
  int succeeded() {
    return succeeded.get();
  }

  /** Task attempts that threw since the engine started. */
  int failedAttempts() {
    return failedAttempts.get();
  }
}
