package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The four patch types of the API: JSON patch (RFC 6902), JSON merge patch (RFC 7386), strategic
 * merge patch (kubectl apply and most kubectl edits) and server-side apply (approximated: the
 * applied configuration is strategically merged over the live object, no field ownership).
 *
 * <p>The strategic merge knows the merge keys of the lists kubectl patches in practice
 * (containers by name, ports by containerPort or port, env and volumes by name, ...) and the
 * directives {@code $patch}, {@code $retainKeys}, {@code $setElementOrder/...} and
 * {@code $deleteFromPrimitiveList/...}; lists without a merge key are replaced.
 */
final class Patches {
  private Patches() {}

  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC = "application/strategic-merge-patch+json";
  static final String APPLY = "application/apply-patch+yaml";

  private static final Map<String, String> MERGE_KEYS = Map.ofEntries(
      Map.entry("containers", "name"),
      Map.entry("initContainers", "name"),
      Map.entry("ephemeralContainers", "name"),
      Map.entry("env", "name"),
      Map.entry("volumes", "name"),
      Map.entry("volumeMounts", "mountPath"),
      Map.entry("volumeDevices", "devicePath"),
      Map.entry("imagePullSecrets", "name"),
      Map.entry("hostAliases", "ip"),
      Map.entry("ownerReferences", "uid"),
      Map.entry("conditions", "type"),
      Map.entry("taints", "key"),
      Map.entry("topologySpreadConstraints", "topologyKey"),
      Map.entry("addresses", "type"));

  static JsonNode apply(String contentType, JsonNode target, JsonNode patch) {
    String type = contentType == null ? "" : contentType.split(";")[0].trim();
    return switch (type) {
      case JSON_PATCH -> jsonPatch(target, patch);
      case MERGE_PATCH -> mergePatch(target, patch);
      case STRATEGIC, APPLY -> {
        if (!patch.isObject()) throw ApiException.badRequest("a strategic merge patch must be an object");
        yield strategic(target, patch, "");
      }
      default -> throw ApiException.unsupportedMediaType(type);
    };
  }

  // ---- RFC 7386 ------------------------------------------------------------------------------

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    }
    return result;
  }

  // ---- RFC 6902 ------------------------------------------------------------------------------

  static JsonNode jsonPatch(JsonNode target, JsonNode ops) {
    if (!ops.isArray()) {
      throw ApiException.badRequest("a JSON patch must be an array of operations");
    }
    JsonNode doc = target.deepCopy();
    for (JsonNode op : ops) {
      String kind = op.path("op").asText("");
      String path = op.path("path").asText(null);
      if (path == null) throw ApiException.badRequest("JSON patch operation without a path: " + op);
      switch (kind) {
        case "add" -> doc = add(doc, path, value(op));
        case "remove" -> doc = remove(doc, path);
        case "replace" -> {
          get(doc, path);
          doc = add(remove(doc, path), path, value(op));
        }
        case "move" -> {
          String from = op.path("from").asText();
          JsonNode v = get(doc, from);
          doc = add(remove(doc, from), path, v);
        }
        case "copy" -> doc = add(doc, path, get(doc, op.path("from").asText()).deepCopy());
        case "test" -> {
          if (!get(doc, path).equals(value(op))) {
            throw new ApiException(422, "Invalid", "the test operation failed at " + path);
          }
        }
        default -> throw ApiException.badRequest("unknown JSON patch operation \"" + kind + "\"");
      }
    }
    return doc;
  }

  private static JsonNode value(JsonNode op) {
    JsonNode v = op.get("value");
    if (v == null) throw ApiException.badRequest("JSON patch operation without a value: " + op);
    return v.deepCopy();
  }

  private static List<String> tokens(String pointer) {
    if (pointer.isEmpty()) return List.of();
    if (!pointer.startsWith("/")) throw ApiException.badRequest("invalid JSON pointer \"" + pointer + "\"");
    List<String> out = new ArrayList<>();
    for (String t : pointer.substring(1).split("/", -1)) {
      out.add(t.replace("~1", "/").replace("~0", "~"));
    }
    return out;
  }

  private static JsonNode get(JsonNode doc, String pointer) {
    JsonNode cur = doc;
    for (String t : tokens(pointer)) {
      cur = cur.isArray() ? cur.get(index(t, cur.size() - 1, pointer)) : cur.get(t);
      if (cur == null) throw new ApiException(422, "Invalid", "the path \"" + pointer + "\" does not exist");
    }
    return cur;
  }

  private static int index(String t, int max, String pointer) {
    try {
      int i = Integer.parseInt(t);
      if (i < 0 || i > max) throw new NumberFormatException();
      return i;
    } catch (NumberFormatException e) {
      throw new ApiException(422, "Invalid", "index \"" + t + "\" out of range in \"" + pointer + "\"");
    }
  }

  private static JsonNode add(JsonNode doc, String pointer, JsonNode value) {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) return value;
    JsonNode parent = get(doc, pointerOf(t.subList(0, t.size() - 1)));
    String last = t.get(t.size() - 1);
    if (parent instanceof ArrayNode a) {
      if (last.equals("-")) a.add(value);
      else a.insert(index(last, a.size(), pointer), value);
    } else if (parent instanceof ObjectNode o) {
      o.set(last, value);
    } else {
      throw new ApiException(422, "Invalid", "cannot add at \"" + pointer + "\": the parent is not a container");
    }
    return doc;
  }

  private static JsonNode remove(JsonNode doc, String pointer) {
    List<String> t = tokens(pointer);
    if (t.isEmpty()) throw new ApiException(422, "Invalid", "cannot remove the whole document");
    JsonNode parent = get(doc, pointerOf(t.subList(0, t.size() - 1)));
    String last = t.get(t.size() - 1);
    if (parent instanceof ArrayNode a) {
      a.remove(index(last, a.size() - 1, pointer));
    } else if (parent instanceof ObjectNode o) {
      if (o.remove(last) == null) throw new ApiException(422, "Invalid", "the path \"" + pointer + "\" does not exist");
    }
    return doc;
  }

  private static String pointerOf(List<String> tokens) {
    StringBuilder b = new StringBuilder();
    for (String t : tokens) b.append('/').append(t.replace("~", "~0").replace("/", "~1"));
    return b.toString();
  }

  // ---- strategic merge patch -----------------------------------------------------------------

  static JsonNode strategic(JsonNode target, JsonNode patch, String field) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    String directive = patch.path("$patch").asText("");
    if (directive.equals("replace")) {
      ObjectNode copy = ((ObjectNode) patch).deepCopy();
      copy.remove("$patch");
      return stripDirectives(copy);
    }
    if (directive.equals("delete")) {
      return null;
    }
    ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
    Set<String> retain = null;
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (key.equals("$patch") || key.startsWith("$setElementOrder/")) {
        continue;
      }
      if (key.equals("$retainKeys")) {
        retain = new HashSet<>();
        for (JsonNode k : v) retain.add(k.asText());
        continue;
      }
      if (key.startsWith("$deleteFromPrimitiveList/")) {
        String f = key.substring("$deleteFromPrimitiveList/".length());
        JsonNode list = result.get(f);
        if (list instanceof ArrayNode a) {
          Set<JsonNode> drop = new HashSet<>();
          v.forEach(drop::add);
          ArrayNode kept = Json.array();
          a.forEach(x -> { if (!drop.contains(x)) kept.add(x); });
          result.set(f, kept);
        }
        continue;
      }
      if (v.isNull()) {
        result.remove(key);
      } else if (v.isObject()) {
        JsonNode merged = strategic(result.get(key), v, key);
        if (merged == null) result.remove(key);
        else result.set(key, merged);
      } else if (v.isArray()) {
        result.set(key, mergeList(result.get(key), (ArrayNode) v, key));
      } else {
        result.set(key, v.deepCopy());
      }
    }
    if (retain != null) {
      Set<String> keep = retain;
      result.retain(new ArrayList<>(keep));
    }
    return result;
  }

  private static JsonNode mergeList(JsonNode current, ArrayNode patch, String field) {
    String mergeKey = mergeKey(field, patch, current);
    for (JsonNode el : patch) {
      if (el.isObject() && el.path("$patch").asText("").equals("replace")) {
        ArrayNode out = Json.array();
        for (JsonNode x : patch) {
          if (!(x.isObject() && x.has("$patch"))) out.add(stripDirectives(x.deepCopy()));
        }
        return out;
      }
    }
    if (mergeKey == null || !(current instanceof ArrayNode cur)) {
      ArrayNode out = Json.array();
      for (JsonNode x : patch) {
        if (!(x.isObject() && x.path("$patch").asText("").equals("delete"))) out.add(stripDirectives(x.deepCopy()));
      }
      return out;
    }
    ArrayNode out = cur.deepCopy();
    for (JsonNode el : patch) {
      JsonNode k = el.get(mergeKey);
      int at = -1;
      for (int i = 0; k != null && i < out.size(); i++) {
        if (k.equals(out.get(i).get(mergeKey))) {
          at = i;
          break;
        }
      }
      boolean delete = el.isObject() && el.path("$patch").asText("").equals("delete");
      if (delete) {
        if (at >= 0) out.remove(at);
      } else if (at >= 0) {
        out.set(at, strategic(out.get(at), el, field));
      } else {
        out.add(stripDirectives(el.deepCopy()));
      }
    }
    return out;
  }

  private static String mergeKey(String field, ArrayNode patch, JsonNode current) {
    if (field.equals("ports")) {
      JsonNode sample = patch.size() > 0 ? patch.get(0) : current instanceof ArrayNode a && a.size() > 0 ? a.get(0) : null;
      return sample != null && sample.has("containerPort") ? "containerPort" : "port";
    }
    return MERGE_KEYS.get(field);
  }

  private static JsonNode stripDirectives(JsonNode n) {
    if (n instanceof ObjectNode o) {
      List<String> drop = new ArrayList<>();
      o.fieldNames().forEachRemaining(f -> { if (f.startsWith("$")) drop.add(f); });
      o.remove(drop);
      o.forEach(Patches::stripDirectives);
    } else if (n instanceof ArrayNode a) {
      a.forEach(Patches::stripDirectives);
    }
    return n;
  }
}
