package io.hns.simulator.plan;

/** A run of the sweep threw: the message names the point and its axis values; finished runs stay in runs.csv. */
public final class SweepRunFailedException extends RuntimeException {
  public SweepRunFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
