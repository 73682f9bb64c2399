package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One configuration of a sweep: its id (1-based, in grid or list order; the key of its runs in
 * runs.csv) and the value of each axis it sets. An axis a point does not set keeps the base
 * scenario's value.
 */
public record SweepPoint(int id, Map<String, JsonNode> overrides) {
  public SweepPoint {
    overrides = Collections.unmodifiableMap(new LinkedHashMap<>(overrides));
  }

  /** The value as the CSV files print it: the YAML scalar as written, empty when not set. */
  public String value(String axis) {
    JsonNode v = overrides.get(axis);
    if (v == null) {
      return "";
    }
    return v.isValueNode() ? v.asText() : v.toString();
  }

  /** For messages and the terminal: {@code policy=burst, maxCount=4}, or {@code base scenario}. */
  public String label() {
    if (overrides.isEmpty()) {
      return "base scenario";
    }
    List<String> parts = new ArrayList<>();
    overrides.keySet().forEach(a -> parts.add(a + "=" + value(a)));
    return String.join(", ", parts);
  }
}
