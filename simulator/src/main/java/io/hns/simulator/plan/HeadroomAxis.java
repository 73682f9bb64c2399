package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Warm headroom of the {@code overprovision} policy, in node-equivalents: written as its
 * {@code policyParameters.nodes}. The point must run the overprovision policy (set here, or by the
 * base scenario or a policy axis), or the scenario compiler names the unknown parameter.
 */
record HeadroomAxis(String name) implements Axis {
  @Override
  public void check(JsonNode value) {
    ValueKind.NUMBER.check(value);
    if (value.asDouble() < 0) {
      throw new IllegalArgumentException("headroom must not be negative, got " + value);
    }
  }

  @Override
  public void apply(ObjectNode scenario, JsonNode value) {
    scenario.withObject("/policyParameters").set("nodes", value);
  }
}
