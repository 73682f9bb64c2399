package io.hns.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The live loop's settings: bounds, the guard, leader election, the HTTP port, placeholders,
 * agent pools and the policy's own parameters. Read from the {@code --policy-config} YAML (the
 * ConfigMap in deploy/), every key optional; see deploy/configmap.yaml for a commented example.
 *
 * @param expectationTimeout how long an action's effect may take to show in the informers before
 *     the guard stops acting
 * @param maxConsecutiveErrors API errors in a row after which the guard stops acting
 * @param deletePlaceholdersOnShutdown remove the pods hns created when it stops (else the next
 *     leader adopts them by label)
 * @param placeholderPriorityClass priority class of placeholder pods whose priority is negative
 * @param placementPeriod how often a placement-only policy (no reconcile loop of its own) checks
 *     the Deployments' pod templates
 * @param policy the {@code policy:} mapping: the model policy's own parameters (docs/policies.md),
 *     validated by the model
 */
public record LiveConfig(
    Bounds bounds,
    Duration expectationTimeout,
    int maxConsecutiveErrors,
    boolean leaderElection,
    String leaseName,
    String leaseNamespace,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    int port,
    boolean deletePlaceholdersOnShutdown,
    String placeholderPriorityClass,
    Duration placementPeriod,
    List<AgentPoolConfig> agentPools,
    ConfigNode policy) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public LiveConfig {
    agentPools = List.copyOf(agentPools);
  }

  /** Defaults for these namespaces, as when no file is given. */
  public static LiveConfig defaults(Set<String> namespaces) {
    return parse("(defaults)", YAML.createObjectNode(), namespaces, System.getenv("AZURE_SUBSCRIPTION_ID"));
  }

  public static LiveConfig load(Path file, Set<String> namespaces) {
    try {
      JsonNode tree = YAML.readTree(Files.readString(file));
      return parse(file.toString(), tree == null ? YAML.createObjectNode() : tree, namespaces,
          System.getenv("AZURE_SUBSCRIPTION_ID"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param extraNamespaces namespaces from the command line, allowed in addition to the file's
   * @param subscriptionFromEnv {@code AZURE_SUBSCRIPTION_ID}, used when a pool names none
   */
  public static LiveConfig parse(String file, JsonNode tree, Set<String> extraNamespaces, String subscriptionFromEnv) {
    ConfigNode root = ConfigNode.root(file, tree)
        .allowKeys("namespaces", "bounds", "guard", "leaderElection", "server", "placeholders", "placement", "agentPools",
            "policy");
    Set<String> namespaces = new LinkedHashSet<>(extraNamespaces);
    namespaces.addAll(root.strings("namespaces"));
    if (namespaces.isEmpty()) {
      throw root.error("namespaces", "name at least one namespace (here or with --namespace)");
    }
    ConfigNode b = root.get("bounds").allowKeys("maxPodsMovedPerMinute", "maxNodesAdded", "allowNodeTaints");
    Bounds bounds = new Bounds(namespaces, b.integer("maxPodsMovedPerMinute", 10, 0),
        b.integer("maxNodesAdded", 5, 0), b.bool("allowNodeTaints", false));
    ConfigNode g = root.get("guard").allowKeys("expectationTimeout", "maxConsecutiveErrors");
    ConfigNode le = root.get("leaderElection")
        .allowKeys("enabled", "leaseName", "leaseNamespace", "leaseDuration", "renewDeadline", "retryPeriod");
    Duration leaseDuration = le.duration("leaseDuration", Duration.ofSeconds(15));
    Duration renewDeadline = le.duration("renewDeadline", Duration.ofSeconds(10));
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw le.error(le.path() + ".renewDeadline", "must be shorter than leaseDuration");
    }
    ConfigNode s = root.get("server").allowKeys("port");
    ConfigNode p = root.get("placeholders").allowKeys("onShutdown", "priorityClassName");
    String onShutdown = p.text("onShutdown", "delete");
    if (!onShutdown.equals("delete") && !onShutdown.equals("keep")) {
      throw p.error(p.path() + ".onShutdown", "must be delete or keep");
    }
    ConfigNode pl = root.get("placement").allowKeys("period");
    List<AgentPoolConfig> pools = new ArrayList<>();
    for (ConfigNode ap : root.list("agentPools")) {
      ap.allowKeys("subscriptionId", "resourceGroup", "cluster", "pool", "minCount", "maxCount", "coalesceWindow");
      String sub = ap.text("subscriptionId", subscriptionFromEnv);
      if (sub == null || sub.isBlank()) {
        throw ap.error(ap.path() + ".subscriptionId", "missing (set it here or in AZURE_SUBSCRIPTION_ID)");
      }
      pools.add(new AgentPoolConfig(sub, required(ap, "resourceGroup"), required(ap, "cluster"), required(ap, "pool"),
          ap.get("minCount").isMissing() ? null : ap.integer("minCount", 0, 0),
          ap.get("maxCount").isMissing() ? null : ap.integer("maxCount", 0, 0),
          ap.duration("coalesceWindow", Duration.ofSeconds(10))));
    }
    return new LiveConfig(
        bounds,
        g.duration("expectationTimeout", Duration.ofSeconds(60)),
        g.integer("maxConsecutiveErrors", 5, 1),
        le.bool("enabled", true),
        le.text("leaseName", "hns-live"),
        le.text("leaseNamespace", namespaces.iterator().next()),
        leaseDuration,
        renewDeadline,
        le.duration("retryPeriod", Duration.ofSeconds(2)),
        s.integer("port", 8080, 0),
        onShutdown.equals("delete"),
        p.text("priorityClassName", "hns-placeholder"),
        pl.duration("period", Duration.ofSeconds(30)),
        pools,
        root.get("policy"));
  }

  private static String required(ConfigNode n, String key) {
    String v = n.text(key, null);
    if (v == null || v.isBlank()) {
      throw n.error(n.path() + "." + key, "is required");
    }
    return v;
  }

  public LiveConfig withPort(int newPort) {
    return new LiveConfig(bounds, expectationTimeout, maxConsecutiveErrors, leaderElection, leaseName, leaseNamespace,
        leaseDuration, renewDeadline, retryPeriod, newPort, deletePlaceholdersOnShutdown, placeholderPriorityClass,
        placementPeriod, agentPools, policy);
  }
}
