package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.hns.simulator.scenario.Duration;

/** The type an axis takes, checked when the sweep file is read. */
enum ValueKind {
  TEXT("a string"),
  INTEGER("an integer"),
  NUMBER("a number"),
  DURATION("a duration (30s, 5m, 1h30m or seconds)"),
  ANY("a value");

  private final String description;

  ValueKind(String description) {
    this.description = description;
  }

  void check(JsonNode v) {
    boolean ok = switch (this) {
      case TEXT -> v.isTextual() && !v.asText().isBlank();
      case INTEGER -> v.isIntegralNumber() && v.canConvertToInt();
      case NUMBER -> v.isNumber();
      case DURATION -> isDuration(v);
      case ANY -> !v.isNull() && !v.isMissingNode();
    };
    if (!ok) {
      throw new IllegalArgumentException("expected " + description + ", got " + (v.isNull() ? "nothing" : v.toString()));
    }
  }

  private static boolean isDuration(JsonNode v) {
    if (v.isNumber()) {
      return v.asDouble() >= 0;
    }
    if (!v.isTextual()) {
      return false;
    }
    try {
      Duration.parse(v.asText());
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
