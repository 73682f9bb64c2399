package io.hns.live.policy;

import io.hns.live.Reconciler;
import io.hns.live.config.ConfigNode;
import io.hns.live.config.LiveConfig;
import io.hns.model.policy.PlacementPolicies;
import io.hns.model.resource.Quantities;
import io.hns.model.resource.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The policies {@code hns live --policy} knows, built from the {@code policy:} mapping of the
 * config. A model hybrid policy (burst-backfill) joins here through an adapter once it exists.
 */
public final class Reconcilers {
  private Reconcilers() {}

  public static List<String> names() {
    List<String> names = new ArrayList<>();
    PlacementPolicies.ALL.forEach(p -> names.add(p.name()));
    names.add("overprovision");
    return names;
  }

  public static Reconciler create(String name, LiveConfig config) {
    ConfigNode p = config.policy();
    if (name.equals("overprovision")) {
      p.allowKeys("period", "namespace", "name", "replicas", "cpu", "memory", "priority");
      String ns = p.text("namespace", config.leaseNamespace());
      if (!config.bounds().namespaceAllowed(ns)) {
        throw p.error(p.path() + ".namespace", ns + " is not one of the allowed namespaces " + config.bounds().namespaces());
      }
      Resources size;
      try {
        size = Resources.of(Quantities.milliValue(p.text("cpu", "500m")), Quantities.value(p.text("memory", "512Mi")));
      } catch (RuntimeException e) {
        throw p.error(e.getMessage());
      }
      int priority = p.integer("priority", -10, Integer.MIN_VALUE);
      if (priority >= 0) {
        throw p.error(p.path() + ".priority", "must be negative, so that real pods preempt placeholders");
      }
      return new OverprovisionReconciler(ns, p.text("name", "hns-placeholder"), p.integer("replicas", 1, 0),
          size, priority, period(p));
    }
    if (PlacementPolicies.ALL.stream().noneMatch(pp -> pp.name().equals(name))) {
      throw new IllegalArgumentException("unknown policy \"" + name + "\" (known: " + String.join(", ", names()) + ")");
    }
    p.allowKeys("period");
    return new PlacementReconciler(PlacementPolicies.named(name), period(p));
  }

  private static Duration period(ConfigNode p) {
    return p.duration("period", Duration.ofSeconds(30));
  }
}
