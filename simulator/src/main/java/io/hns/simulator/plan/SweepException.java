package io.hns.simulator.plan;

/** A bad sweep file, override or plan directory: the message names the file and the key. */
public final class SweepException extends RuntimeException {
  public SweepException(String message) {
    super(message);
  }

  public SweepException(String message, Throwable cause) {
    super(message, cause);
  }
}
