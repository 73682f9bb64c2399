package io.hns.simulator.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.simulator.cloud.DefaultLatencies;
import io.hns.simulator.cloud.LogNormalLatency;
import io.hns.simulator.scenario.Duration;
import io.hns.simulator.scenario.Durations;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The median of a latency model (VMSS node boot, ACI start): a sensitivity axis ("what if nodes
 * boot in 3 minutes?"). The spread is kept: p90 moves by the same factor as the median (the
 * log-normal's sigma is unchanged), and a tail stays as it is. A {@code fixed} latency becomes the
 * value; a latency the scenario leaves to the default is written out as that default with the new
 * median.
 */
final class LatencyMedianAxis implements Axis {
  private final String name;
  private final BiFunction<ObjectNode, String, List<ObjectNode>> owners;
  private final String key;
  private final LogNormalLatency defaultBody;
  private final boolean defaultHasVmssTail;

  private LatencyMedianAxis(String name, BiFunction<ObjectNode, String, List<ObjectNode>> owners, String key,
      LogNormalLatency defaultBody, boolean defaultHasVmssTail) {
    this.name = name;
    this.owners = owners;
    this.key = key;
    this.defaultBody = defaultBody;
    this.defaultHasVmssTail = defaultHasVmssTail;
  }

  /** Boot latency of every node pool: VMSS speed is the region's, not one pool's. */
  static LatencyMedianAxis bootOfAllPools(String name) {
    return new LatencyMedianAxis(name, ScenarioTree::pools, "bootLatency", DefaultLatencies.VMSS_BOOT_BODY, true);
  }

  static LatencyMedianAxis bootOfPool(String name, String pool) {
    return new LatencyMedianAxis(name, (s, axis) -> List.of(ScenarioTree.pool(s, pool, axis)), "bootLatency",
        DefaultLatencies.VMSS_BOOT_BODY, true);
  }

  static LatencyMedianAxis aciStart(String name) {
    return new LatencyMedianAxis(name, (s, axis) -> List.of(ScenarioTree.object(s, "cluster", "virtualNode", "aci")),
        "startLatency", DefaultLatencies.ACI_BASE_START, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void check(JsonNode value) {
    ValueKind.DURATION.check(value);
    if (millis(value) <= 0) {
      throw new IllegalArgumentException("a median must be positive, got " + value);
    }
  }

  @Override
  public void apply(ObjectNode scenario, JsonNode value) {
    long median = millis(value);
    for (ObjectNode owner : owners.apply(scenario, name)) {
      JsonNode spec = owner.get(key);
      if (spec == null || spec.isNull()) {
        ObjectNode s = owner.putObject(key);
        s.put("median", Durations.format(median));
        s.put("p90", Durations.format(scaled(defaultBody.quantileMillis(0.9), defaultBody.medianMillis(), median)));
        if (defaultHasVmssTail) {
          s.put("tailProbability", DefaultLatencies.VMSS_BOOT_TAIL_PROBABILITY);
          s.put("tailMin", Durations.format(DefaultLatencies.VMSS_BOOT_TAIL_MIN_MS));
          s.put("tailMax", Durations.format(DefaultLatencies.VMSS_BOOT_TAIL_MAX_MS));
        }
      } else if (spec instanceof ObjectNode s && s.has("fixed")) {
        s.put("fixed", Durations.format(median));
      } else if (spec instanceof ObjectNode s && s.has("median")) {
        long old = millis(s.get("median"));
        if (s.has("p90") && old > 0) {
          s.put("p90", Durations.format(scaled(millis(s.get("p90")), old, median)));
        }
        s.put("median", Durations.format(median));
      } else {
        throw new SweepException(name + ": the base scenario's " + key + " has neither fixed nor median");
      }
    }
  }

  private static long scaled(double quantile, double oldMedian, long newMedian) {
    return Math.round(quantile * newMedian / oldMedian);
  }

  private static long millis(JsonNode v) {
    return Duration.parse(v.isNumber() ? v.numberValue() : v.asText()).millis();
  }
}
