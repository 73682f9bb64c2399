package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;

/** An axis that sets one scenario key, e.g. {@code policy} or {@code cluster.virtualNode.aci.coreQuota}. */
record ScenarioKeyAxis(String name, ValueKind kind, String... path) implements Axis {
  @Override
  public void check(JsonNode value) {
    kind.check(value);
  }

  @Override
  public void apply(ObjectNode scenario, JsonNode value) {
    ObjectNode parent = ScenarioTree.object(scenario, Arrays.copyOf(path, path.length - 1));
    parent.set(path[path.length - 1], value.deepCopy());
  }
}
