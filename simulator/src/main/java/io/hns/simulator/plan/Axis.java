package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One dimension of a sweep: a name in the sweep file and what a value changes in the base scenario.
 * Values are applied to the scenario's YAML tree before it is bound and compiled, so the
 * scenario's own checks still run on the result and name the scenario key that is wrong, and an
 * axis keeps working when the scenario format gains keys it does not touch.
 */
public interface Axis {
  String name();

  /** Checks a value's type when the sweep file is read; throws {@link IllegalArgumentException} with the reason. */
  void check(JsonNode value);

  /** Writes the value into the scenario tree; throws {@link SweepException} when the scenario has no place for it. */
  void apply(ObjectNode scenario, JsonNode value);
}
