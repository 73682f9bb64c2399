package io.hns.simulator.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The axes a sweep may vary, by name (docs/plan.md has the table). A new axis is one class and one
 * line here; the trace-scaling axis will come with replay.
 */
public final class Axes {
  private static final String POOL_PREFIX = "nodePools.";
  private static final List<String> POOL_FIELDS = List.of("vmSize", "count", "minCount", "maxCount", "maxPods", "bootLatencyMedian");
  private static final Map<String, Axis> NAMED = new LinkedHashMap<>();

  static {
    add(new ScenarioKeyAxis("policy", ValueKind.TEXT, "policy"));
    add(new PoolFieldAxis("vmSize", null, "vmSize", ValueKind.TEXT));
    add(new PoolFieldAxis("count", null, "count", ValueKind.INTEGER));
    add(new PoolFieldAxis("minCount", null, "minCount", ValueKind.INTEGER));
    add(new PoolFieldAxis("maxCount", null, "maxCount", ValueKind.INTEGER));
    add(new PoolFieldAxis("maxPods", null, "maxPods", ValueKind.INTEGER));
    add(new HeadroomAxis("headroom"));
    add(new ScenarioKeyAxis("aciContainerGroupQuota", ValueKind.INTEGER, "cluster", "virtualNode", "aci", "containerGroupQuota"));
    add(new ScenarioKeyAxis("aciCoreQuota", ValueKind.INTEGER, "cluster", "virtualNode", "aci", "coreQuota"));
    add(LatencyMedianAxis.aciStart("aciStartLatencyMedian"));
    add(LatencyMedianAxis.bootOfAllPools("bootLatencyMedian"));
    add(new LoadScaleAxis("loadScale"));
    add(new ScenarioKeyAxis("duration", ValueKind.DURATION, "duration"));
  }

  private Axes() {}

  private static void add(Axis a) {
    NAMED.put(a.name(), a);
  }

  /** The axis of a name, or {@link IllegalArgumentException} listing the axes. */
  public static Axis named(String name) {
    Axis a = NAMED.get(name);
    if (a != null) {
      return a;
    }
    if (name.startsWith(POOL_PREFIX)) {
      return poolAxis(name);
    }
    if (name.startsWith(ScenarioPathAxis.PREFIX)) {
      return ScenarioPathAxis.parse(name);
    }
    throw new IllegalArgumentException("unknown axis \"" + name + "\" (axes: " + String.join(", ", NAMED.keySet())
        + ", nodePools.NAME.FIELD, scenario.PATH)");
  }

  public static List<String> names() {
    return List.copyOf(NAMED.keySet());
  }

  private static Axis poolAxis(String name) {
    String rest = name.substring(POOL_PREFIX.length());
    int dot = rest.lastIndexOf('.');
    String pool = dot > 0 ? rest.substring(0, dot) : "";
    String field = dot > 0 ? rest.substring(dot + 1) : rest;
    if (pool.isEmpty() || !POOL_FIELDS.contains(field)) {
      throw new IllegalArgumentException("\"" + name + "\" is not nodePools.NAME.FIELD with FIELD one of "
          + String.join(", ", POOL_FIELDS));
    }
    if (field.equals("bootLatencyMedian")) {
      return LatencyMedianAxis.bootOfPool(name, pool);
    }
    return new PoolFieldAxis(name, pool, field, field.equals("vmSize") ? ValueKind.TEXT : ValueKind.INTEGER);
  }
}
