package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Any scenario key by its path, {@code scenario.cluster.autoscaler.scanInterval} or
 * {@code scenario.cluster.nodePools.1.maxPods} (a number indexes a list): the way to sweep a key no
 * named axis covers. Maps on the path are created; the scenario's strict reading then rejects a
 * key that does not exist, naming it.
 */
record ScenarioPathAxis(String name, String[] path) implements Axis {
  static final String PREFIX = "scenario.";

  static ScenarioPathAxis parse(String name) {
    String[] path = name.substring(PREFIX.length()).split("\\.", -1);
    for (String p : path) {
      if (p.isEmpty()) {
        throw new IllegalArgumentException("\"" + name + "\" has an empty path segment");
      }
    }
    if (path.length == 1 && path[0].equals("seed")) {
      // Every point must draw the same random numbers per replication; the sweep's seed sets them all.
      throw new IllegalArgumentException("the seed is not an axis: points share it (common random numbers); set the sweep's seed");
    }
    return new ScenarioPathAxis(name, path);
  }

  @Override
  public void check(JsonNode value) {
    ValueKind.ANY.check(value);
  }

  @Override
  public void apply(ObjectNode scenario, JsonNode value) {
    JsonNode node = scenario;
    for (int i = 0; i < path.length - 1; i++) {
      node = step(node, path[i], i);
    }
    String last = path[path.length - 1];
    if (node instanceof ObjectNode o) {
      o.set(last, value.deepCopy());
    } else if (node instanceof ArrayNode a && index(last, a, path.length - 1) >= 0) {
      a.set(index(last, a, path.length - 1), value.deepCopy());
    } else {
      throw new SweepException(name + ": " + where(path.length - 1) + " is not a map or a list");
    }
  }

  private JsonNode step(JsonNode node, String segment, int i) {
    JsonNode next;
    if (node instanceof ArrayNode a) {
      next = a.get(index(segment, a, i));
    } else {
      ObjectNode o = (ObjectNode) node;
      next = o.get(segment);
      if (next == null || next.isNull()) {
        return o.putObject(segment);
      }
    }
    if (!next.isContainerNode()) {
      throw new SweepException(name + ": " + where(i + 1) + " is not a map or a list");
    }
    return next;
  }

  private int index(String segment, ArrayNode a, int i) {
    int index;
    try {
      index = Integer.parseInt(segment);
    } catch (NumberFormatException e) {
      throw new SweepException(name + ": " + where(i) + " is a list: give an index, not \"" + segment + "\"");
    }
    if (index < 0 || index >= a.size()) {
      throw new SweepException(name + ": index " + index + " is outside " + where(i) + " (" + a.size() + " entries)");
    }
    return index;
  }

  private String where(int segments) {
    return segments == 0 ? "the scenario" : String.join(".", java.util.Arrays.copyOf(path, segments));
  }
}
