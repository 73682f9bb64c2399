package io.hns.cli;

/** A user mistake the command detected: exit code 2 with this message. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
