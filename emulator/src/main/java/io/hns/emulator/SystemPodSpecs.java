package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.model.cluster.Pod;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.SourcedObject;
import io.hns.simulator.scenario.Scenario;
import io.hns.simulator.scenario.ScenarioLoader;
import io.hns.simulator.scenario.ScenarioSource;
import java.util.HashMap;
import java.util.Map;

/**
 * The full pod specs of the scenario's system pods, as written in its {@code systemPods} files: the
 * compiled model keeps only what scheduling needs, the API shows the rest (images, ports, probes,
 * priority classes, host networking). DaemonSet pods are found by their DaemonSet's name, since
 * each node gets its own copy under a new name.
 */
final class SystemPodSpecs {
  private final Map<String, ObjectNode> byName = new HashMap<>();
  private final Map<String, ObjectNode> byOwner = new HashMap<>();

  static SystemPodSpecs none() {
    return new SystemPodSpecs();
  }

  static SystemPodSpecs load(ScenarioSource source) {
    SystemPodSpecs s = new SystemPodSpecs();
    Scenario scenario = ScenarioLoader.load(source);
    if (scenario.cluster() == null || scenario.cluster().nodePools() == null) {
      return s;
    }
    for (Scenario.NodePoolSpec pool : scenario.cluster().nodePools()) {
      if (pool.systemPods() == null) {
        continue;
      }
      for (SourcedObject o : ManifestReader.read(pool.systemPods(), source.readRelative(pool.systemPods()))) {
        JsonNode spec = o.tree().get("spec");
        if (!(spec instanceof ObjectNode so)) {
          continue;
        }
        ObjectNode clean = so.deepCopy();
        clean.remove("nodeName");
        String ns = o.namespace();
        s.byName.put(ns + "/" + o.name(), clean);
        for (JsonNode ref : o.tree().path("metadata").path("ownerReferences")) {
          if (ref.path("controller").asBoolean(false)) {
            s.byOwner.put(ns + "/" + ref.path("kind").asText() + "/" + ref.path("name").asText(), clean);
          }
        }
      }
    }
    return s;
  }

  /** The written spec of a system pod (without nodeName), or null. */
  ObjectNode specOf(Pod p) {
    ObjectNode s = byName.get(p.key());
    if (s == null && p.owner() != null) {
      s = byOwner.get(p.namespace() + "/" + p.owner().kind() + "/" + p.owner().name());
    }
    return s;
  }
}
