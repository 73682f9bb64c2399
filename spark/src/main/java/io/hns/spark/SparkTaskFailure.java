package io.hns.spark;

/**
 * The cause a sweep reports when Spark gave up on a run: what the run threw and how many attempts
 * were made ({@code spark.task.maxFailures}). Its text is the whole story:
 * {@code java.lang.IllegalStateException: boom (4 attempts, spark.task.maxFailures)}.
 */
public final class SparkTaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SparkTaskFailure(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
