package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Server-side printing: the {@code meta.k8s.io/v1 Table} that kubectl asks for
 * ({@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}), with the columns and cells of the
 * API server's printers (pkg/printers/internalversion/printers.go) for the kinds the emulator
 * serves; other kinds get the default Name / Created At table. Wide columns carry priority 1, and
 * kubectl shows them with {@code -o wide}.
 */
final class Tables {
  private Tables() {}

  private record Column(String name, String type, String format, int priority, String description) {}

  private static Column col(String name, String type, int priority, String description) {
    return new Column(name, type, name.equals("Name") ? "name" : "", priority, description);
  }

  /** A Table of the objects (already in the client's version); {@code includeObject} is None, Metadata or Object. */
  static ObjectNode table(ResourceType t, List<ObjectNode> objects, String resourceVersion, String includeObject,
      long nowMs, boolean headers) {
    ObjectNode table = Json.object();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode meta = table.putObject("metadata");
    if (resourceVersion != null) meta.put("resourceVersion", resourceVersion);
    List<Column> columns = columns(t);
    ArrayNode defs = table.putArray("columnDefinitions");
    if (headers) {
      for (Column c : columns) {
        ObjectNode d = defs.addObject();
        d.put("name", c.name());
        d.put("type", c.type());
        d.put("format", c.format());
        d.put("description", c.description());
        d.put("priority", c.priority());
      }
    }
    ArrayNode rows = table.putArray("rows");
    for (ObjectNode o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (Object cell : cells(t, o, nowMs)) {
        if (cell instanceof Integer i) cells.add(i);
        else cells.add(String.valueOf(cell));
      }
      switch (includeObject == null ? "Metadata" : includeObject) {
        case "None" -> { }
        case "Object" -> row.set("object", o);
        default -> {
          ObjectNode partial = Json.object();
          partial.put("kind", "PartialObjectMetadata");
          partial.put("apiVersion", "meta.k8s.io/v1");
          partial.set("metadata", o.path("metadata"));
          row.set("object", partial);
        }
      }
    }
    return table;
  }

  private static List<Column> columns(ResourceType t) {
    String name = "Name must be unique within a namespace.";
    String age = "CreationTimestamp is a timestamp representing the server time when this object was created.";
    return switch (t.storage()) {
      case "pods" -> List.of(col("Name", "string", 0, name), col("Ready", "string", 0, "The aggregate readiness state of this pod for accepting traffic."),
          col("Status", "string", 0, "The aggregate status of the containers in this pod."),
          col("Restarts", "string", 0, "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
          col("Age", "string", 0, age), col("IP", "string", 1, "IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
          col("Node", "string", 1, "NodeName is a request to schedule this pod onto a specific node."),
          col("Nominated Node", "string", 1, "nominatedNodeName is set only when this pod preempts other pods on the node."),
          col("Readiness Gates", "string", 1, "If specified, all readiness gates will be evaluated for pod readiness."));
      case "nodes" -> List.of(col("Name", "string", 0, name), col("Status", "string", 0, "The status of the node"),
          col("Roles", "string", 0, "The roles of the node"), col("Age", "string", 0, age),
          col("Version", "string", 0, "Kubelet Version reported by the node."),
          col("Internal-IP", "string", 1, "List of internal IPs assigned to the node."),
          col("External-IP", "string", 1, "List of external IPs assigned to the node."),
          col("OS-Image", "string", 1, "OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy))."),
          col("Kernel-Version", "string", 1, "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
          col("Container-Runtime", "string", 1, "ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2)."));
      case "namespaces" -> List.of(col("Name", "string", 0, name), col("Status", "string", 0, "The status of the namespace"),
          col("Age", "string", 0, age));
      case "apps/deployments" -> List.of(col("Name", "string", 0, name),
          col("Ready", "string", 0, "Number of the pod with ready state"),
          col("Up-to-date", "string", 0, "Total number of non-terminated pods targeted by this deployment that have the desired template spec."),
          col("Available", "string", 0, "Total number of available pods (ready for at least minReadySeconds) targeted by this deployment."),
          col("Age", "string", 0, age), col("Containers", "string", 1, "Names of each container in the template."),
          col("Images", "string", 1, "Images referenced by each container in the template."),
          col("Selector", "string", 1, "Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment."));
      case "apps/replicasets" -> List.of(col("Name", "string", 0, name),
          col("Desired", "integer", 0, "Replicas is the number of desired replicas."),
          col("Current", "integer", 0, "Replicas is the most recently observed number of replicas."),
          col("Ready", "integer", 0, "The number of ready replicas for this replica set."), col("Age", "string", 0, age),
          col("Containers", "string", 1, "Names of each container in the template."),
          col("Images", "string", 1, "Images referenced by each container in the template."),
          col("Selector", "string", 1, "Selector is a label query over pods that should match the replica count."));
      case "events" -> List.of(col("Last Seen", "string", 0, "Time when last event occurred"),
          col("Type", "string", 0, "Type of this event (Normal, Warning), new types could be added in the future."),
          col("Reason", "string", 0, "This should be a short, machine understandable string that gives the reason for this event being generated."),
          col("Object", "string", 0, "The object that this event is about."),
          col("Subobject", "string", 1, "The subobject that this event is about."),
          col("Source", "string", 1, "The component reporting this event."),
          col("Message", "string", 0, "A human-readable description of the status of this operation."),
          col("First Seen", "string", 1, "Time when first event occurred"),
          col("Count", "integer", 1, "The number of times this event has occurred."), col("Name", "string", 1, name));
      case "autoscaling/horizontalpodautoscalers" -> List.of(col("Name", "string", 0, name),
          col("Reference", "string", 0, "reference to scaled resource"),
          col("Targets", "string", 0, "the current and target metric values"),
          col("MinPods", "string", 0, "the lower limit for the number of pods that can be set by the autoscaler"),
          col("MaxPods", "integer", 0, "the upper limit for the number of pods that can be set by the autoscaler"),
          col("Replicas", "integer", 0, "current number of replicas of pods managed by this autoscaler"),
          col("Age", "string", 0, age));
      case "metrics.k8s.io/pods", "metrics.k8s.io/nodes" -> List.of(col("Name", "string", 0, name),
          col("Window", "string", 0, "the sample window"), col("Age", "string", 0, age));
      default -> List.of(col("Name", "string", 0, name), col("Created At", "date", 0, age));
    };
  }

  private static List<Object> cells(ResourceType t, JsonNode o, long now) {
    String name = Json.name(o);
    String age = age(Json.str(o, "metadata", "creationTimestamp"), now);
    List<Object> c = new ArrayList<>();
    switch (t.storage()) {
      case "pods" -> podCells(o, age, c);
      case "nodes" -> nodeCells(o, age, c);
      case "namespaces" -> {
        c.add(name);
        c.add(Json.str(o, "status", "phase"));
        c.add(age);
      }
      case "apps/deployments" -> {
        int desired = o.path("spec").path("replicas").asInt(1);
        c.add(name);
        c.add(o.path("status").path("readyReplicas").asInt(0) + "/" + desired);
        c.add(Integer.toString(o.path("status").path("updatedReplicas").asInt(0)));
        c.add(Integer.toString(o.path("status").path("availableReplicas").asInt(0)));
        c.add(age);
        containersCells(o.path("spec").path("template").path("spec"), c);
        c.add(selectorText(o.path("spec").path("selector")));
      }
      case "apps/replicasets" -> {
        c.add(name);
        c.add(o.path("spec").path("replicas").asInt(1));
        c.add(o.path("status").path("replicas").asInt(0));
        c.add(o.path("status").path("readyReplicas").asInt(0));
        c.add(age);
        containersCells(o.path("spec").path("template").path("spec"), c);
        c.add(selectorText(o.path("spec").path("selector")));
      }
      case "events" -> eventCells(o, now, c);
      case "autoscaling/horizontalpodautoscalers" -> hpaCells(o, age, c);
      case "metrics.k8s.io/pods", "metrics.k8s.io/nodes" -> {
        c.add(name);
        c.add(Json.str(o, "window"));
        c.add(age);
      }
      default -> {
        c.add(name);
        c.add(Json.str(o, "metadata", "creationTimestamp"));
      }
    }
    return c;
  }

  private static void podCells(JsonNode o, String age, List<Object> c) {
    JsonNode status = o.path("status");
    int total = o.path("spec").path("containers").size();
    int ready = 0;
    int restarts = 0;
    String reason = status.path("phase").asText("Pending");
    if (!status.path("reason").asText("").isEmpty()) {
      reason = status.path("reason").asText();
    }
    JsonNode statuses = status.path("containerStatuses");
    for (int i = statuses.size() - 1; i >= 0; i--) {
      JsonNode cs = statuses.get(i);
      restarts += cs.path("restartCount").asInt(0);
      JsonNode waiting = cs.path("state").path("waiting");
      JsonNode terminated = cs.path("state").path("terminated");
      if (!waiting.path("reason").asText("").isEmpty()) {
        reason = waiting.path("reason").asText();
      } else if (!terminated.path("reason").asText("").isEmpty()) {
        reason = terminated.path("reason").asText();
      } else if (cs.path("ready").asBoolean(false) && cs.path("state").has("running")) {
        ready++;
      }
    }
    if (o.path("metadata").has("deletionTimestamp")) {
      reason = "Terminating";
    }
    c.add(Json.name(o));
    c.add(ready + "/" + total);
    c.add(reason);
    c.add(Integer.toString(restarts));
    c.add(age);
    String ip = status.path("podIP").asText("");
    c.add(ip.isEmpty() ? "<none>" : ip);
    String node = o.path("spec").path("nodeName").asText("");
    c.add(node.isEmpty() ? "<none>" : node);
    String nominated = status.path("nominatedNodeName").asText("");
    c.add(nominated.isEmpty() ? "<none>" : nominated);
    c.add("<none>");
  }

  private static void nodeCells(JsonNode o, String age, List<Object> c) {
    String ready = "Unknown";
    for (JsonNode cond : o.path("status").path("conditions")) {
      if ("Ready".equals(cond.path("type").asText())) {
        ready = "True".equals(cond.path("status").asText()) ? "Ready" : "NotReady";
      }
    }
    if (o.path("spec").path("unschedulable").asBoolean(false)) {
      ready += ",SchedulingDisabled";
    }
    TreeSet<String> roles = new TreeSet<>();
    o.path("metadata").path("labels").fields().forEachRemaining(e -> {
      if (e.getKey().startsWith("node-role.kubernetes.io/")) {
        String role = e.getKey().substring("node-role.kubernetes.io/".length());
        if (!role.isEmpty()) roles.add(role);
      } else if (e.getKey().equals("kubernetes.io/role") && !e.getValue().asText().isEmpty()) {
        roles.add(e.getValue().asText());
      }
    });
    String internal = "<none>";
    String external = "<none>";
    for (JsonNode a : o.path("status").path("addresses")) {
      if ("InternalIP".equals(a.path("type").asText())) internal = a.path("address").asText();
      if ("ExternalIP".equals(a.path("type").asText())) external = a.path("address").asText();
    }
    JsonNode info = o.path("status").path("nodeInfo");
    c.add(Json.name(o));
    c.add(ready);
    c.add(roles.isEmpty() ? "<none>" : String.join(",", roles));
    c.add(age);
    c.add(info.path("kubeletVersion").asText(""));
    c.add(internal);
    c.add(external);
    c.add(orUnknown(info.path("osImage").asText("")));
    c.add(orUnknown(info.path("kernelVersion").asText("")));
    c.add(orUnknown(info.path("containerRuntimeVersion").asText("")));
  }

  private static String orUnknown(String s) {
    return s.isEmpty() ? "<unknown>" : s;
  }

  private static void eventCells(JsonNode o, long now, List<Object> c) {
    String first = age(o.path("firstTimestamp").asText(""), now);
    String last = o.path("lastTimestamp").asText("").isEmpty() ? first : age(o.path("lastTimestamp").asText(""), now);
    JsonNode inv = o.path("involvedObject");
    String target = inv.path("kind").asText("").toLowerCase()
        + (inv.path("name").asText("").isEmpty() ? "" : "/" + inv.path("name").asText());
    JsonNode src = o.path("source");
    String source = src.path("component").asText("")
        + (src.path("host").asText("").isEmpty() ? "" : ", " + src.path("host").asText());
    c.add(last);
    c.add(o.path("type").asText(""));
    c.add(o.path("reason").asText(""));
    c.add(target);
    c.add(inv.path("fieldPath").asText(""));
    c.add(source);
    c.add(o.path("message").asText("").trim());
    c.add(first);
    c.add(o.path("count").asInt(1));
    c.add(Json.name(o));
  }

  private static void hpaCells(JsonNode o, String age, List<Object> c) {
    JsonNode spec = o.path("spec");
    JsonNode ref = spec.path("scaleTargetRef");
    List<String> targets = new ArrayList<>();
    if (o.path("apiVersion").asText().equals("autoscaling/v1")) {
      String current = o.path("status").has("currentCPUUtilizationPercentage")
          ? o.path("status").path("currentCPUUtilizationPercentage").asInt() + "%" : "<unknown>";
      targets.add("cpu: " + current + "/" + spec.path("targetCPUUtilizationPercentage").asInt(80) + "%");
    } else {
      for (JsonNode m : spec.path("metrics")) {
        if (!"Resource".equals(m.path("type").asText())) {
          targets.add("<unknown>/" + m.path("type").asText());
          continue;
        }
        String res = m.path("resource").path("name").asText();
        JsonNode target = m.path("resource").path("target");
        String current = "<unknown>";
        for (JsonNode cm : o.path("status").path("currentMetrics")) {
          if (res.equals(cm.path("resource").path("name").asText())) {
            JsonNode cur = cm.path("resource").path("current");
            current = cur.has("averageUtilization") && "Utilization".equals(target.path("type").asText())
                ? cur.path("averageUtilization").asInt() + "%" : cur.path("averageValue").asText("<unknown>");
          }
        }
        String want = "Utilization".equals(target.path("type").asText())
            ? target.path("averageUtilization").asInt() + "%" : target.path("averageValue").asText(target.path("value").asText(""));
        targets.add(res + ": " + current + "/" + want);
      }
    }
    c.add(Json.name(o));
    c.add(ref.path("kind").asText("") + "/" + ref.path("name").asText(""));
    c.add(targets.isEmpty() ? "<none>" : String.join(", ", targets));
    c.add(spec.has("minReplicas") ? Integer.toString(spec.path("minReplicas").asInt()) : "<unset>");
    c.add(spec.path("maxReplicas").asInt());
    c.add(o.path("status").path("currentReplicas").asInt(0));
    c.add(age);
  }

  private static void containersCells(JsonNode podSpec, List<Object> c) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (JsonNode ctr : podSpec.path("containers")) {
      names.add(ctr.path("name").asText());
      images.add(ctr.path("image").asText());
    }
    c.add(String.join(",", names));
    c.add(String.join(",", images));
  }

  private static String selectorText(JsonNode sel) {
    List<String> parts = new ArrayList<>();
    sel.path("matchLabels").fields().forEachRemaining(e -> parts.add(e.getKey() + "=" + e.getValue().asText()));
    for (JsonNode e : sel.path("matchExpressions")) {
      String op = e.path("operator").asText();
      List<String> values = new ArrayList<>();
      e.path("values").forEach(v -> values.add(v.asText()));
      String key = e.path("key").asText();
      parts.add(switch (op) {
        case "In" -> key + " in (" + String.join(",", values) + ")";
        case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
        case "Exists" -> key;
        case "DoesNotExist" -> "!" + key;
        default -> key + " " + op + " " + values;
      });
    }
    return parts.isEmpty() ? "<none>" : String.join(",", parts);
  }

  /** apimachinery's duration.HumanDuration of now minus an RFC 3339 time; "<unknown>" when unset. */
  static String age(String rfc3339, long nowMs) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return "<unknown>";
    }
    long then;
    try {
      then = Instant.parse(rfc3339).toEpochMilli();
    } catch (RuntimeException e) {
      return "<unknown>";
    }
    return humanDuration(nowMs - then);
  }

  static String humanDuration(long ms) {
    long seconds = ms / 1000;
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60 * 2) {
      return seconds + "s";
    }
    long minutes = seconds / 60;
    if (minutes < 10) {
      long s = seconds % 60;
      return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
    } else if (minutes < 60 * 3) {
      return minutes + "m";
    }
    long hours = minutes / 60;
    if (hours < 8) {
      long m = minutes % 60;
      return m == 0 ? hours + "h" : hours + "h" + m + "m";
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      long h = hours % 24;
      return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
    } else if (hours < 24 * 365 * 2) {
      return (hours / 24) + "d";
    } else if (hours < 24 * 365 * 8) {
      long dy = (hours / 24) % 365;
      return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
    }
    return (hours / 24 / 365) + "y";
  }
}
