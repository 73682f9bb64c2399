package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Version conversion between what a client reads or writes and what the store keeps:
 * HorizontalPodAutoscalers are stored as autoscaling/v2 and served as v1 too (a cpu utilization
 * metric is v1's {@code targetCPUUtilizationPercentage}); events.k8s.io/v1 Events are a view of
 * the stored core/v1 Events.
 */
final class Conversions {
  private Conversions() {}

  static String storageApiVersion(ResourceType t) {
    return t.storage().equals(Mirror.HPAS) ? "autoscaling/v2" : t.storage().equals(Mirror.EVENTS) ? "v1" : t.apiVersion();
  }

  /** A client's object in storage form (a deep copy). */
  static ObjectNode toStorage(ResourceType t, ObjectNode in) {
    ObjectNode o = in.deepCopy();
    if (t.storage().equals(Mirror.HPAS) && t.version().equals("v1")) {
      o = hpaV1ToV2(o);
    }
    o.put("apiVersion", storageApiVersion(t));
    o.put("kind", t.kind());
    return o;
  }

  /** A stored object as the client's version shows it (the stored object when no conversion applies). */
  static ObjectNode fromStorage(ResourceType t, ObjectNode stored) {
    if (t.storage().equals(Mirror.HPAS) && t.version().equals("v1")) {
      return hpaV2ToV1(stored);
    }
    if (t.group().equals("events.k8s.io")) {
      return eventV1(stored);
    }
    return stored;
  }

  static boolean converts(ResourceType t) {
    return (t.storage().equals(Mirror.HPAS) && t.version().equals("v1")) || t.group().equals("events.k8s.io");
  }

  private static ObjectNode hpaV1ToV2(ObjectNode v1) {
    ObjectNode o = v1.deepCopy();
    ObjectNode spec = Json.with(o, "spec");
    JsonNode target = spec.remove("targetCPUUtilizationPercentage");
    if (target != null && !target.isNull()) {
      ObjectNode m = spec.putArray("metrics").addObject();
      m.put("type", "Resource");
      ObjectNode r = m.putObject("resource");
      r.put("name", "cpu");
      ObjectNode t = r.putObject("target");
      t.put("type", "Utilization");
      t.put("averageUtilization", target.asInt());
    }
    o.remove("status");
    return o;
  }

  private static ObjectNode hpaV2ToV1(ObjectNode v2) {
    ObjectNode o = Json.object();
    o.put("apiVersion", "autoscaling/v1");
    o.put("kind", "HorizontalPodAutoscaler");
    o.set("metadata", v2.path("metadata").deepCopy());
    ObjectNode spec = o.putObject("spec");
    JsonNode s = v2.path("spec");
    spec.set("scaleTargetRef", s.path("scaleTargetRef").deepCopy());
    if (s.has("minReplicas")) spec.set("minReplicas", s.get("minReplicas"));
    spec.set("maxReplicas", s.path("maxReplicas"));
    ArrayNode others = Json.array();
    for (JsonNode m : s.path("metrics")) {
      if ("Resource".equals(m.path("type").asText()) && "cpu".equals(m.path("resource").path("name").asText())
          && "Utilization".equals(m.path("resource").path("target").path("type").asText())) {
        spec.put("targetCPUUtilizationPercentage", m.path("resource").path("target").path("averageUtilization").asInt());
      } else {
        others.add(m);
      }
    }
    if (!others.isEmpty()) {
      Json.with(Json.meta(o), "annotations").put("autoscaling.alpha.kubernetes.io/metrics", Json.text(others));
    }
    ObjectNode status = o.putObject("status");
    JsonNode st = v2.path("status");
    if (st.has("observedGeneration")) status.set("observedGeneration", st.get("observedGeneration"));
    if (st.has("lastScaleTime")) status.set("lastScaleTime", st.get("lastScaleTime"));
    status.put("currentReplicas", st.path("currentReplicas").asInt(0));
    status.put("desiredReplicas", st.path("desiredReplicas").asInt(0));
    for (JsonNode m : st.path("currentMetrics")) {
      if ("cpu".equals(m.path("resource").path("name").asText()) && m.path("resource").path("current").has("averageUtilization")) {
        status.put("currentCPUUtilizationPercentage", m.path("resource").path("current").path("averageUtilization").asInt());
      }
    }
    return o;
  }

  private static ObjectNode eventV1(ObjectNode core) {
    ObjectNode o = Json.object();
    o.put("apiVersion", "events.k8s.io/v1");
    o.put("kind", "Event");
    o.set("metadata", core.path("metadata").deepCopy());
    String first = core.path("firstTimestamp").asText("");
    o.put("eventTime", first.isEmpty() ? null : first.contains(".") ? first : first.replace("Z", ".000000Z"));
    o.put("reportingController", core.path("reportingComponent").asText(core.path("source").path("component").asText("")));
    o.put("reportingInstance", core.path("reportingInstance").asText(""));
    o.put("action", core.path("reason").asText(""));
    o.put("reason", core.path("reason").asText(""));
    o.set("regarding", core.path("involvedObject").deepCopy());
    o.put("note", core.path("message").asText(""));
    o.put("type", core.path("type").asText("Normal"));
    if (core.path("count").asInt(1) > 1) o.put("deprecatedCount", core.path("count").asInt());
    if (core.has("firstTimestamp")) o.set("deprecatedFirstTimestamp", core.get("firstTimestamp"));
    if (core.has("lastTimestamp")) o.set("deprecatedLastTimestamp", core.get("lastTimestamp"));
    if (core.has("source")) o.set("deprecatedSource", core.get("source").deepCopy());
    return o;
  }
}
