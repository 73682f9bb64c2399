package io.hns.model.policy;

import java.util.Map;
import java.util.function.Supplier;

/**
 * A named policy: how pod templates are rewritten, and optionally a reconcile loop (created fresh
 * for every run, since loops keep state).
 */
public record PolicySpec(String name, PlacementPolicy placement, Supplier<HybridPolicy> loop, Map<String, Object> parameters) {
  public boolean hasLoop() {
    return loop != null;
  }

  public HybridPolicy newLoop() {
    return loop == null ? null : loop.get();
  }
}
