package io.hns.live;

/** The cluster or Azure could not be reached or watched: an operational failure, not a bug. */
public final class LiveException extends RuntimeException {
  public LiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
