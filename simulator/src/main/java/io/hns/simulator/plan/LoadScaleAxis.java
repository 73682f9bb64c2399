package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A factor on the offered load: multiplies every load's {@code rate}, each {@code steps[].rate}
 * and the {@code diurnal.mean} ("what if traffic grows 50 %?"). Trace-driven load (replay) will
 * scale with its own axis.
 */
record LoadScaleAxis(String name) implements Axis {
  @Override
  public void check(JsonNode value) {
    ValueKind.NUMBER.check(value);
    if (value.asDouble() < 0) {
      throw new IllegalArgumentException("a load factor must not be negative, got " + value);
    }
  }

  @Override
  public void apply(ObjectNode scenario, JsonNode value) {
    double factor = value.asDouble();
    JsonNode load = scenario.get("load");
    List<ObjectNode> loads = new ArrayList<>();
    if (load instanceof ObjectNode o) {
      loads.add(o);
    } else if (load != null && load.isArray()) {
      load.forEach(l -> {
        if (l instanceof ObjectNode o) {
          loads.add(o);
        }
      });
    }
    if (loads.isEmpty()) {
      throw new SweepException(name + ": the base scenario has no load to scale");
    }
    for (int i = 0; i < loads.size(); i++) {
      ObjectNode l = loads.get(i);
      boolean scaled = scale(l, "rate", factor);
      if (l.get("steps") != null && l.get("steps").isArray()) {
        for (JsonNode step : l.get("steps")) {
          scaled |= step instanceof ObjectNode s && scale(s, "rate", factor);
        }
      }
      if (l.get("diurnal") instanceof ObjectNode d) {
        scaled |= scale(d, "mean", factor);
      }
      if (!scaled) {
        throw new SweepException(name + ": load[" + i + "] of the base scenario has no rate, steps or diurnal to scale");
      }
    }
  }

  private static boolean scale(ObjectNode node, String key, double factor) {
    JsonNode v = node.get(key);
    if (v == null || !v.isNumber()) {
      return false;
    }
    node.put(key, v.asDouble() * factor);
    return true;
  }
}
