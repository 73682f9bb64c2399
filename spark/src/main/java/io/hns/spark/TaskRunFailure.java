package io.hns.spark;

import io.hns.simulator.plan.RunTask;

/**
 * Thrown on an executor when a run throws: carries the task, so that the driver can name the point
 * whichever attempt, partition or machine it was. Serializable (as every exception), so Spark brings
 * it back with the task's failure.
 */
final class TaskRunFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int point;
  private final int replication;

  TaskRunFailure(RunTask task, Throwable cause) {
    super("hns run point=" + task.point() + " replication=" + task.replication() + ": " + cause, cause);
    this.point = task.point();
    this.replication = task.replication();
  }

  RunTask task() {
    return new RunTask(point, replication);
  }

  /** What the run threw, as its class and message. */
  String what() {
    return getCause() != null ? getCause().toString() : getMessage();
  }
}
