package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Navigation of a scenario's YAML tree for the axes: maps created on the way, lists required. */
final class ScenarioTree {
  private ScenarioTree() {}

  /** The map at {@code path} below {@code root}, created where missing. */
  static ObjectNode object(ObjectNode root, String... path) {
    ObjectNode node = root;
    StringBuilder key = new StringBuilder();
    for (String p : path) {
      key.append(key.length() == 0 ? "" : ".").append(p);
      JsonNode next = node.get(p);
      if (next == null || next.isNull()) {
        node = node.putObject(p);
      } else if (next instanceof ObjectNode o) {
        node = o;
      } else {
        throw new SweepException("the base scenario's " + key + " is not a map");
      }
    }
    return node;
  }

  /** The node pools, or an error when the base scenario has none. */
  static List<ObjectNode> pools(ObjectNode root, String axis) {
    JsonNode cluster = root.get("cluster");
    JsonNode pools = cluster == null ? null : cluster.get("nodePools");
    List<ObjectNode> out = new ArrayList<>();
    if (pools instanceof ArrayNode a) {
      a.forEach(p -> {
        if (p instanceof ObjectNode o) {
          out.add(o);
        }
      });
    }
    if (out.isEmpty()) {
      throw new SweepException(axis + ": the base scenario has no cluster.nodePools");
    }
    return out;
  }

  /** The pool named {@code name}, or an error listing the pools. */
  static ObjectNode pool(ObjectNode root, String name, String axis) {
    List<ObjectNode> pools = pools(root, axis);
    for (ObjectNode p : pools) {
      if (name.equals(p.path("name").asText(null))) {
        return p;
      }
    }
    throw new SweepException(axis + ": the base scenario has no node pool named \"" + name + "\" (pools: "
        + String.join(", ", pools.stream().map(p -> p.path("name").asText("?")).toList()) + ")");
  }
}
