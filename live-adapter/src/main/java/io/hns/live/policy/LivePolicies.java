package io.hns.live.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.hns.live.config.ConfigNode;
import io.hns.live.config.LiveConfig;
import io.hns.live.kube.FabricTrees;
import io.hns.model.policy.BurstBackfillPolicy;
import io.hns.model.policy.OverprovisionPolicy;
import io.hns.model.policy.PolicyCatalog;
import io.hns.model.policy.PolicySpec;
import java.util.List;
import java.util.Map;

/**
 * The policies {@code hns live --policy} knows: exactly those of the model's {@link PolicyCatalog},
 * with the parameters of the config's {@code policy:} mapping, validated by the model's
 * {@code PolicyParameters} (an unknown key or a wrong type is an error naming the key). On top,
 * the checks only a live cluster needs: placeholders in a namespace hns may act in, and a node
 * group where the policy needs one (live, node groups come only from {@code agentPools}).
 */
public final class LivePolicies {
  private LivePolicies() {}

  public static List<String> names() {
    return PolicyCatalog.NAMES;
  }

  public static LivePolicy create(String name, LiveConfig config) {
    if (!PolicyCatalog.NAMES.contains(name)) {
      throw new IllegalArgumentException("unknown policy \"" + name + "\" (known: " + String.join(", ", names()) + ")");
    }
    ConfigNode p = config.policy();
    PolicySpec spec;
    try {
      spec = PolicyCatalog.named(name, parameters(p));
    } catch (IllegalArgumentException e) {
      throw p.error("policy", e.getMessage());
    }
    LivePolicy policy = new LivePolicy(spec, config.placementPeriod());
    if (policy.loop() instanceof OverprovisionPolicy o) {
      if (!config.bounds().namespaceAllowed(o.namespace())) {
        throw p.error("policy.namespace", "placeholders would go to " + o.namespace()
            + ", which is not one of the allowed namespaces " + config.bounds().namespaces());
      }
      if (o.needsNodeGroup() && config.agentPools().isEmpty()) {
        throw p.error("policy", "overprovision counts headroom in node-equivalents of a node group, and live there is"
            + " none without agentPools: set policy.fraction, or configure agentPools");
      }
    }
    if (policy.loop() instanceof BurstBackfillPolicy b && b.mode().equals("node-pool") && config.agentPools().isEmpty()) {
      throw p.error("policy.mode", "node-pool grows a node group, and live there is none without agentPools"
          + " (mode placeholders needs only the Kubernetes API)");
    }
    return policy;
  }

  /** The {@code policy:} mapping as the plain values the model reads (numbers, strings, lists). */
  private static Map<String, Object> parameters(ConfigNode p) {
    if (p.isMissing()) {
      return Map.of();
    }
    if (!p.raw().isObject()) {
      throw p.error("policy", "must be a mapping of the policy's parameters");
    }
    return FabricTrees.mapper().convertValue(p.raw(), new TypeReference<Map<String, Object>>() {});
  }
}
