package io.hns.simulator.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A scenario duration in milliseconds, written as {@code 10s}, {@code 5m}, or a number of seconds. */
public record Duration(long millis) {
  @JsonCreator
  public static Duration parse(Object value) {
    if (value instanceof Number n) {
      return new Duration(Math.round(n.doubleValue() * 1000));
    }
    return new Duration(Durations.parseMillis(String.valueOf(value)));
  }

  public static Duration ofSeconds(long s) {
    return new Duration(s * 1000);
  }

  @JsonValue
  @Override
  public String toString() {
    return Durations.format(millis);
  }
}
