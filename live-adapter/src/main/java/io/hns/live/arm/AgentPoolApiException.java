package io.hns.live.arm;

import java.time.Duration;

/**
 * An ARM refusal: the HTTP status, ARM's error code, and for a 429 how long ARM asked to wait
 * ({@code Retry-After}), null when it did not say.
 */
public final class AgentPoolApiException extends Exception {
  private final int status;
  private final String code;
  private final Duration retryAfter;

  public AgentPoolApiException(int status, String code, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.code = code == null ? "" : code;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  public boolean throttled() {
    return status == 429;
  }

  /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
  public static Duration parseRetryAfter(String value, long nowMillis) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      try {
        long at = java.time.ZonedDateTime.parse(value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant().toEpochMilli();
        return Duration.ofMillis(Math.max(0, at - nowMillis));
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }
}
