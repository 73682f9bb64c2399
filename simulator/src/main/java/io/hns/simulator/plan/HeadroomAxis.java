package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Warm headroom for the {@code overprovision} policy (issue 4). The name is reserved and its values
 * are checked, but the scenario format has no policy parameters yet, so a point that sets it is an
 * error before anything runs rather than a silently ignored value. When the policy lands, this
 * class writes its parameter and nothing else changes.
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
    throw new SweepException(name + ": the scenario format has no policy parameters yet, so there is nowhere to put a"
        + " headroom (it comes with the overprovision policy); a scenario key can be swept with scenario.PATH");
  }
}
