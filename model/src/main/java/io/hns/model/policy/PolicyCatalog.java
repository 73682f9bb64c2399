package io.hns.model.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every policy by name, with its parameters: the placement rewrites ({@code manifest},
 * {@code vmss-only}, {@code aci-only}, {@code burst}) take none; {@code burst-backfill} is the burst
 * placement plus its reconcile loop; {@code overprovision} keeps warm VM headroom under the vmss-only
 * placement (or another, by its {@code placement} parameter).
 */
public final class PolicyCatalog {
  public static final List<String> NAMES =
      List.of("manifest", "vmss-only", "aci-only", "burst", BurstBackfillPolicy.NAME, OverprovisionPolicy.NAME);

  private PolicyCatalog() {}

  public static PolicySpec named(String name, Map<String, Object> parameters) {
    Map<String, Object> params = parameters == null ? Map.of() : parameters;
    switch (name) {
      case BurstBackfillPolicy.NAME -> {
        new BurstBackfillPolicy(params); // validate now, not at the first reconcile
        return new PolicySpec(name, PlacementPolicies.BURST_SPREAD_BY_ZONE, () -> new BurstBackfillPolicy(params), params);
      }
      case OverprovisionPolicy.NAME -> {
        Map<String, Object> loopParams = new java.util.LinkedHashMap<>(params);
        Object placement = loopParams.remove("placement");
        PlacementPolicy p = PlacementPolicies.named(placement == null ? "vmss-only" : String.valueOf(placement));
        new OverprovisionPolicy(loopParams);
        return new PolicySpec(name, p, () -> new OverprovisionPolicy(loopParams), params);
      }
      default -> {
        PlacementPolicy p;
        try {
          p = PlacementPolicies.named(name);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("unknown policy \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
        }
        new PolicyParameters(name, params, Set.of());
        return new PolicySpec(name, p, null, params);
      }
    }
  }
}
