package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A field of one node pool: the first pool ({@code maxCount}) or a named one
 * ({@code nodePools.spot.maxCount}, pool null here meaning the first).
 */
record PoolFieldAxis(String name, String pool, String field, ValueKind kind) implements Axis {
  @Override
  public void check(JsonNode value) {
    kind.check(value);
  }

  @Override
  public void apply(ObjectNode scenario, JsonNode value) {
    ObjectNode target = pool == null ? ScenarioTree.pools(scenario, name).get(0) : ScenarioTree.pool(scenario, pool, name);
    target.set(field, value.deepCopy());
  }
}
