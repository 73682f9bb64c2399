package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Request bodies in Kubernetes' protobuf encoding ({@code application/vnd.kubernetes.protobuf}),
 * decoded into the JSON the rest of the emulator reads. kubectl's typed clients send protobuf for
 * {@code create namespace}, {@code create deployment}, {@code create configmap|secret|service} and
 * {@code autoscale}, and client-go does not fall back to JSON on 415, so the API must read them.
 *
 * <p>The envelope is {@code "k8s\0"} and a {@code runtime.Unknown} (typeMeta = 1, raw = 2). The
 * message schemas below are the subset of k8s.io/api's generated.proto that those commands and
 * common clients fill in (field numbers checked against kubectl 1.32's requests); other fields are
 * skipped. Zero values of non-pointer fields, which gogo-protobuf always writes, are dropped as
 * JSON's omitempty would.
 */
final class ProtobufBodies {
  private ProtobufBodies() {}

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private enum T { STRING, INT, BOOL, BYTES, MSG, MAP_SS, MAP_SQ, MAP_SB, TIME, QUANTITY, INT_OR_STRING }

  /** One field: its JSON name, type, message type, repeated, and whether a zero value is kept (a pointer field). */
  private record F(String json, T type, String msg, boolean repeated, boolean keep) {}

  private static final Map<String, Map<Integer, F>> SCHEMA = new HashMap<>();

  private static void msg(String name, Object... fields) {
    Map<Integer, F> m = new HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      m.put((Integer) fields[i], (F) fields[i + 1]);
    }
    SCHEMA.put(name, m);
  }

  private static F s(String json) { return new F(json, T.STRING, null, false, false); }
  private static F sp(String json) { return new F(json, T.STRING, null, false, true); }
  private static F ss(String json) { return new F(json, T.STRING, null, true, false); }
  private static F i(String json) { return new F(json, T.INT, null, false, false); }
  private static F ip(String json) { return new F(json, T.INT, null, false, true); }
  private static F b(String json) { return new F(json, T.BOOL, null, false, false); }
  private static F bp(String json) { return new F(json, T.BOOL, null, false, true); }
  private static F m(String json, String type) { return new F(json, T.MSG, type, false, false); }
  private static F mr(String json, String type) { return new F(json, T.MSG, type, true, false); }
  private static F t(String json, T type) { return new F(json, type, null, false, false); }

  static {
    msg("ObjectMeta", 1, s("name"), 2, s("generateName"), 3, s("namespace"), 5, s("uid"), 6, s("resourceVersion"),
        7, i("generation"), 8, t("creationTimestamp", T.TIME), 9, t("deletionTimestamp", T.TIME),
        10, ip("deletionGracePeriodSeconds"), 11, t("labels", T.MAP_SS), 12, t("annotations", T.MAP_SS),
        13, mr("ownerReferences", "OwnerReference"), 14, ss("finalizers"));
    msg("OwnerReference", 1, s("kind"), 3, s("name"), 4, s("uid"), 5, s("apiVersion"), 6, bp("controller"),
        7, bp("blockOwnerDeletion"));
    msg("LabelSelector", 1, t("matchLabels", T.MAP_SS), 2, mr("matchExpressions", "LabelSelectorRequirement"));
    msg("LabelSelectorRequirement", 1, s("key"), 2, s("operator"), 3, ss("values"));
    msg("Namespace", 1, m("metadata", "ObjectMeta"), 2, m("spec", "NamespaceSpec"));
    msg("NamespaceSpec", 1, ss("finalizers"));
    msg("ConfigMap", 1, m("metadata", "ObjectMeta"), 2, t("data", T.MAP_SS), 3, t("binaryData", T.MAP_SB),
        4, bp("immutable"));
    msg("Secret", 1, m("metadata", "ObjectMeta"), 2, t("data", T.MAP_SB), 3, s("type"), 4, t("stringData", T.MAP_SS),
        5, bp("immutable"));
    msg("ServiceAccount", 1, m("metadata", "ObjectMeta"));
    msg("Service", 1, m("metadata", "ObjectMeta"), 2, m("spec", "ServiceSpec"));
    msg("ServiceSpec", 1, mr("ports", "ServicePort"), 2, t("selector", T.MAP_SS), 3, s("clusterIP"), 4, s("type"),
        5, ss("externalIPs"), 7, s("sessionAffinity"), 8, s("loadBalancerIP"), 11, s("externalName"));
    msg("ServicePort", 1, s("name"), 2, s("protocol"), 3, i("port"), 4, t("targetPort", T.INT_OR_STRING), 5, i("nodePort"));
    msg("Deployment", 1, m("metadata", "ObjectMeta"), 2, m("spec", "DeploymentSpec"));
    msg("DeploymentSpec", 1, ip("replicas"), 2, m("selector", "LabelSelector"), 3, m("template", "PodTemplateSpec"),
        4, m("strategy", "DeploymentStrategy"), 5, i("minReadySeconds"), 6, ip("revisionHistoryLimit"), 7, b("paused"),
        9, ip("progressDeadlineSeconds"));
    msg("DeploymentStrategy", 1, s("type"), 2, m("rollingUpdate", "RollingUpdateDeployment"));
    msg("RollingUpdateDeployment", 1, t("maxUnavailable", T.INT_OR_STRING), 2, t("maxSurge", T.INT_OR_STRING));
    msg("ReplicaSet", 1, m("metadata", "ObjectMeta"), 2, m("spec", "ReplicaSetSpec"));
    msg("ReplicaSetSpec", 1, ip("replicas"), 2, m("selector", "LabelSelector"), 3, m("template", "PodTemplateSpec"),
        4, i("minReadySeconds"));
    msg("PodTemplateSpec", 1, m("metadata", "ObjectMeta"), 2, m("spec", "PodSpec"));
    msg("Pod", 1, m("metadata", "ObjectMeta"), 2, m("spec", "PodSpec"));
    msg("PodSpec", 2, mr("containers", "Container"), 3, s("restartPolicy"), 4, ip("terminationGracePeriodSeconds"),
        5, ip("activeDeadlineSeconds"), 6, s("dnsPolicy"), 7, t("nodeSelector", T.MAP_SS), 8, s("serviceAccountName"),
        9, s("serviceAccount"), 10, s("nodeName"), 11, b("hostNetwork"), 12, b("hostPID"), 13, b("hostIPC"),
        15, mr("imagePullSecrets", "LocalObjectReference"), 16, s("hostname"), 17, s("subdomain"),
        18, m("affinity", "Affinity"), 19, s("schedulerName"), 20, mr("initContainers", "Container"),
        21, bp("automountServiceAccountToken"), 22, mr("tolerations", "Toleration"), 24, s("priorityClassName"),
        25, ip("priority"), 30, bp("enableServiceLinks"), 31, sp("preemptionPolicy"),
        33, mr("topologySpreadConstraints", "TopologySpreadConstraint"));
    msg("Container", 1, s("name"), 2, s("image"), 3, ss("command"), 4, ss("args"), 5, s("workingDir"),
        6, mr("ports", "ContainerPort"), 7, mr("env", "EnvVar"), 8, m("resources", "ResourceRequirements"),
        9, mr("volumeMounts", "VolumeMount"), 13, s("terminationMessagePath"), 14, s("imagePullPolicy"), 16, b("stdin"),
        17, b("stdinOnce"), 18, b("tty"), 20, s("terminationMessagePolicy"), 24, sp("restartPolicy"));
    msg("ContainerPort", 1, s("name"), 2, i("hostPort"), 3, i("containerPort"), 4, s("protocol"), 5, s("hostIP"));
    msg("EnvVar", 1, s("name"), 2, s("value"));
    msg("ResourceRequirements", 1, t("limits", T.MAP_SQ), 2, t("requests", T.MAP_SQ));
    msg("VolumeMount", 1, s("name"), 2, b("readOnly"), 3, s("mountPath"), 4, s("subPath"));
    msg("LocalObjectReference", 1, s("name"));
    msg("Toleration", 1, s("key"), 2, s("operator"), 3, s("value"), 4, s("effect"), 5, ip("tolerationSeconds"));
    msg("Affinity", 1, m("nodeAffinity", "NodeAffinity"));
    msg("NodeAffinity", 1, m("requiredDuringSchedulingIgnoredDuringExecution", "NodeSelector"),
        2, mr("preferredDuringSchedulingIgnoredDuringExecution", "PreferredSchedulingTerm"));
    msg("NodeSelector", 1, mr("nodeSelectorTerms", "NodeSelectorTerm"));
    msg("NodeSelectorTerm", 1, mr("matchExpressions", "NodeSelectorRequirement"),
        2, mr("matchFields", "NodeSelectorRequirement"));
    msg("NodeSelectorRequirement", 1, s("key"), 2, s("operator"), 3, ss("values"));
    msg("PreferredSchedulingTerm", 1, ip("weight"), 2, m("preference", "NodeSelectorTerm"));
    msg("TopologySpreadConstraint", 1, ip("maxSkew"), 2, s("topologyKey"), 3, s("whenUnsatisfiable"),
        4, m("labelSelector", "LabelSelector"), 5, ip("minDomains"));
    msg("HorizontalPodAutoscaler/v1", 1, m("metadata", "ObjectMeta"), 2, m("spec", "HorizontalPodAutoscalerSpec/v1"));
    msg("HorizontalPodAutoscalerSpec/v1", 1, m("scaleTargetRef", "CrossVersionObjectReference"), 2, ip("minReplicas"),
        3, ip("maxReplicas"), 4, ip("targetCPUUtilizationPercentage"));
    msg("CrossVersionObjectReference", 1, s("kind"), 2, s("name"), 3, s("apiVersion"));
    msg("HorizontalPodAutoscaler/v2", 1, m("metadata", "ObjectMeta"), 2, m("spec", "HorizontalPodAutoscalerSpec/v2"));
    msg("HorizontalPodAutoscalerSpec/v2", 1, m("scaleTargetRef", "CrossVersionObjectReference"), 2, ip("minReplicas"),
        3, ip("maxReplicas"), 4, mr("metrics", "MetricSpec"));
    msg("MetricSpec", 1, s("type"), 4, m("resource", "ResourceMetricSource"));
    msg("ResourceMetricSource", 1, s("name"), 2, m("target", "MetricTarget"));
    msg("MetricTarget", 1, s("type"), 2, t("value", T.QUANTITY), 3, t("averageValue", T.QUANTITY),
        4, ip("averageUtilization"));
    msg("Eviction", 1, m("metadata", "ObjectMeta"), 2, m("deleteOptions", "DeleteOptions"));
    msg("DeleteOptions", 1, ip("gracePeriodSeconds"), 3, bp("orphanDependents"), 4, sp("propagationPolicy"), 5, ss("dryRun"));
    msg("Scale", 1, m("metadata", "ObjectMeta"), 2, m("spec", "ScaleSpec"));
    msg("ScaleSpec", 1, i("replicas"));
    msg("Lease", 1, m("metadata", "ObjectMeta"), 2, m("spec", "LeaseSpec"));
    msg("LeaseSpec", 1, sp("holderIdentity"), 2, ip("leaseDurationSeconds"), 3, t("acquireTime", T.TIME),
        4, t("renewTime", T.TIME), 5, ip("leaseTransitions"));
  }

  static boolean isProtobuf(String contentType) {
    return contentType != null && contentType.contains("application/vnd.kubernetes.protobuf");
  }

  /** Decodes a protobuf request body into the object's JSON (apiVersion and kind included). */
  static ObjectNode decode(byte[] body) {
    if (body.length < 4 || body[0] != MAGIC[0] || body[1] != MAGIC[1] || body[2] != MAGIC[2] || body[3] != MAGIC[3]) {
      throw ApiException.badRequest("the protobuf body lacks the \"k8s\\x00\" prefix");
    }
    Reader r = new Reader(body, 4, body.length);
    String apiVersion = "";
    String kind = "";
    byte[] raw = null;
    while (r.more()) {
      int key = (int) r.varint();
      int field = key >>> 3;
      int wire = key & 7;
      if (field == 1 && wire == 2) {
        Reader tm = r.sub();
        while (tm.more()) {
          int k = (int) tm.varint();
          if ((k & 7) != 2) {
            tm.skip(k & 7);
            continue;
          }
          String v = tm.string();
          if ((k >>> 3) == 1) apiVersion = v;
          else if ((k >>> 3) == 2) kind = v;
        }
      } else if (field == 2 && wire == 2) {
        raw = r.bytes();
      } else {
        r.skip(wire);
      }
    }
    String type = SCHEMA.containsKey(kind) ? kind : kind + "/" + apiVersion.substring(apiVersion.lastIndexOf('/') + 1);
    if (!SCHEMA.containsKey(type) || raw == null) {
      throw new ApiException(415, "UnsupportedMediaType", "the emulator cannot read " + kind + " (" + apiVersion
          + ") in protobuf; send it as application/json");
    }
    ObjectNode o = message(new Reader(raw, 0, raw.length), type);
    ObjectNode out = Json.object();
    out.put("apiVersion", apiVersion);
    out.put("kind", kind);
    out.setAll(o);
    return out;
  }

  private static ObjectNode message(Reader r, String type) {
    Map<Integer, F> schema = SCHEMA.get(type);
    ObjectNode o = Json.object();
    while (r.more()) {
      int key = (int) r.varint();
      int field = key >>> 3;
      int wire = key & 7;
      F f = schema.get(field);
      if (f == null) {
        r.skip(wire);
        continue;
      }
      JsonNode value = value(r, f, wire);
      if (value == null) {
        continue;
      }
      if (f.repeated()) {
        JsonNode arr = o.get(f.json());
        (arr instanceof ArrayNode a ? a : o.putArray(f.json())).add(value);
      } else if (value instanceof ObjectNode entry && isMap(f.type()) && o.get(f.json()) instanceof ObjectNode existing) {
        existing.setAll(entry);
      } else {
        o.set(f.json(), value);
      }
    }
    return o;
  }

  private static boolean isMap(T t) {
    return t == T.MAP_SS || t == T.MAP_SQ || t == T.MAP_SB;
  }

  private static JsonNode value(Reader r, F f, int wire) {
    switch (f.type()) {
      case STRING -> {
        String v = r.string();
        return v.isEmpty() && !f.keep() && !f.repeated() ? null : Json.MAPPER.getNodeFactory().textNode(v);
      }
      case INT -> {
        long v = r.varint();
        return v == 0 && !f.keep() ? null : Json.MAPPER.getNodeFactory().numberNode(v);
      }
      case BOOL -> {
        long v = r.varint();
        return v == 0 && !f.keep() ? null : Json.MAPPER.getNodeFactory().booleanNode(v != 0);
      }
      case BYTES -> {
        byte[] v = r.bytes();
        return Json.MAPPER.getNodeFactory().textNode(Base64.getEncoder().encodeToString(v));
      }
      case MSG -> {
        ObjectNode v = message(r.sub(), f.msg());
        return v.isEmpty() && !f.repeated() && !f.keep() ? null : v;
      }
      case MAP_SS, MAP_SQ, MAP_SB -> {
        Reader e = r.sub();
        String k = "";
        String v = "";
        while (e.more()) {
          int key = (int) e.varint();
          if ((key & 7) != 2) {
            e.skip(key & 7);
            continue;
          }
          if ((key >>> 3) == 1) {
            k = e.string();
          } else if (f.type() == T.MAP_SQ) {
            v = quantity(e.sub());
          } else if (f.type() == T.MAP_SB) {
            v = Base64.getEncoder().encodeToString(e.bytes());
          } else {
            v = e.string();
          }
        }
        ObjectNode entry = Json.object();
        entry.put(k, v);
        return entry;
      }
      case TIME -> {
        Reader t = r.sub();
        long seconds = 0;
        long nanos = 0;
        while (t.more()) {
          int key = (int) t.varint();
          if ((key & 7) != 0) {
            t.skip(key & 7);
            continue;
          }
          long v = t.varint();
          if ((key >>> 3) == 1) seconds = v;
          else if ((key >>> 3) == 2) nanos = v;
        }
        return seconds == 0 && nanos == 0 ? null
            : Json.MAPPER.getNodeFactory().textNode(Instant.ofEpochSecond(seconds, nanos).toString());
      }
      case QUANTITY -> {
        String q = quantity(r.sub());
        return q.isEmpty() ? null : Json.MAPPER.getNodeFactory().textNode(q);
      }
      case INT_OR_STRING -> {
        Reader t = r.sub();
        long kind = 0;
        long intVal = 0;
        String strVal = "";
        while (t.more()) {
          int key = (int) t.varint();
          int fnum = key >>> 3;
          if ((key & 7) == 0) {
            long v = t.varint();
            if (fnum == 1) kind = v;
            else if (fnum == 2) intVal = v;
          } else if ((key & 7) == 2 && fnum == 3) {
            strVal = t.string();
          } else {
            t.skip(key & 7);
          }
        }
        return kind == 1 ? Json.MAPPER.getNodeFactory().textNode(strVal) : Json.MAPPER.getNodeFactory().numberNode((int) intVal);
      }
      default -> throw new IllegalStateException();
    }
  }

  private static String quantity(Reader q) {
    String s = "";
    while (q.more()) {
      int key = (int) q.varint();
      if ((key >>> 3) == 1 && (key & 7) == 2) s = q.string();
      else q.skip(key & 7);
    }
    return s;
  }

  /** The protobuf wire format over a byte range. */
  private static final class Reader {
    private final byte[] b;
    private int pos;
    private final int end;

    Reader(byte[] b, int pos, int end) {
      this.b = b;
      this.pos = pos;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    long varint() {
      long result = 0;
      int shift = 0;
      while (true) {
        if (pos >= end || shift > 63) throw ApiException.badRequest("malformed protobuf body (truncated varint)");
        byte c = b[pos++];
        result |= (long) (c & 0x7f) << shift;
        if ((c & 0x80) == 0) return result;
        shift += 7;
      }
    }

    int length() {
      long n = varint();
      if (n < 0 || pos + n > end) throw ApiException.badRequest("malformed protobuf body (length beyond the message)");
      return (int) n;
    }

    byte[] bytes() {
      int n = length();
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    String string() {
      int n = length();
      String s = new String(b, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    Reader sub() {
      int n = length();
      Reader r = new Reader(b, pos, pos + n);
      pos += n;
      return r;
    }

    void skip(int wire) {
      switch (wire) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> {
          int n = length();
          pos += n;
        }
        case 5 -> pos += 4;
        default -> throw ApiException.badRequest("malformed protobuf body (wire type " + wire + ")");
      }
      if (pos > end) throw ApiException.badRequest("malformed protobuf body (truncated)");
    }
  }
}
