package io.hns.traces;

/**
 * Bad trace input or options: the message names the file and line when there is one
 * ({@code requests.csv:1043: time "2023-13-01" is not a date}). The command line prints it and
 * exits with code 2.
 */
public class TraceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A message that already names the file and line. */
  public TraceException(String message) {
    super(message);
  }

  /** {@code where: message}, where {@code where} is {@code file} or {@code file:line}. */
  public static TraceException at(String where, String message) {
    return new TraceException(where + ": " + message);
  }
}
