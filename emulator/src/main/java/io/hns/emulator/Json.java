package io.hns.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Jackson trees for the API objects: parsing, writing and the few accessors every class needs. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final YAMLMapper YAML = new YAMLMapper();

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** Parses a request body: JSON, or YAML when the content type says so (YAML also reads JSON). */
  static JsonNode parse(String body, boolean yaml) {
    try {
      JsonNode n = (yaml ? YAML : MAPPER).readTree(body);
      if (n == null || n.isMissingNode()) {
        throw ApiException.badRequest("the request body is empty");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("the body of the request could not be decoded: " + e.getOriginalMessage());
    }
  }

  static ObjectNode parseObject(String body, boolean yaml) {
    JsonNode n = parse(body, yaml);
    if (!n.isObject()) {
      throw ApiException.badRequest("the body of the request must be an object, not " + n.getNodeType().name().toLowerCase());
    }
    return (ObjectNode) n;
  }

  static byte[] bytes(JsonNode n) {
    try {
      return MAPPER.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String text(JsonNode n) {
    try {
      return MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The object at {@code field} of {@code parent}, created when absent or not an object. */
  static ObjectNode with(ObjectNode parent, String field) {
    JsonNode n = parent.get(field);
    if (n instanceof ObjectNode o) {
      return o;
    }
    return parent.putObject(field);
  }

  static ObjectNode meta(ObjectNode o) {
    return with(o, "metadata");
  }

  static String str(JsonNode n, String... path) {
    JsonNode cur = n;
    for (String p : path) {
      if (cur == null) return "";
      cur = cur.get(p);
    }
    return cur == null || cur.isNull() || cur.isContainerNode() ? "" : cur.asText();
  }

  static String name(JsonNode o) {
    return str(o, "metadata", "name");
  }

  static String namespace(JsonNode o) {
    return str(o, "metadata", "namespace");
  }

  /** RFC 3339 with second precision, as metav1.Time marshals. */
  static String time(long epochMs) {
    return Instant.ofEpochMilli(epochMs).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** RFC 3339 with microseconds, as metav1.MicroTime marshals; {@code extraMicros} (0-999) below the millisecond. */
  static String microTime(long epochMs, int extraMicros) {
    Instant i = Instant.ofEpochMilli(epochMs);
    return String.format("%s.%06dZ", i.truncatedTo(ChronoUnit.SECONDS).toString().replace("Z", ""),
        (i.getNano() / 1000) + extraMicros);
  }

  static ObjectNode labels(Map<String, String> m) {
    ObjectNode o = object();
    m.forEach(o::put);
    return o;
  }
}
