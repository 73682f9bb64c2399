package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label selectors ({@code app=x,tier!=db,env in (a,b),!legacy}) and field selectors
 * ({@code involvedObject.name=p,status.phase!=Failed}) as list and watch requests carry them.
 * A field path is looked up in the object's JSON; an absent field is the empty string.
 */
final class Selectors {
  private Selectors() {}

  static Predicate<JsonNode> labels(String selector) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    List<Predicate<JsonNode>> reqs = new ArrayList<>();
    for (String part : splitTopLevel(selector)) {
      reqs.add(labelRequirement(part.trim(), selector));
    }
    return o -> {
      for (Predicate<JsonNode> r : reqs) {
        if (!r.test(o)) return false;
      }
      return true;
    };
  }

  private static List<String> splitTopLevel(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(') depth++;
      else if (c == ')') depth--;
      else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static String label(JsonNode o, String key) {
    JsonNode v = o.path("metadata").path("labels").get(key);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Predicate<JsonNode> labelRequirement(String r, String whole) {
    if (r.isEmpty()) {
      throw ApiException.badRequest("unable to parse requirement: found '', expected: identifier in \"" + whole + "\"");
    }
    if (r.startsWith("!")) {
      String key = checkKey(r.substring(1).trim(), whole);
      return o -> label(o, key) == null;
    }
    java.util.regex.Matcher set = java.util.regex.Pattern.compile("^(\\S+)\\s+(in|notin)\\s*\\((.*)\\)$").matcher(r);
    if (set.matches()) {
      String key = checkKey(set.group(1), whole);
      Set<String> values = new java.util.HashSet<>();
      for (String v : set.group(3).split(",")) {
        values.add(v.trim());
      }
      boolean in = set.group(2).equals("in");
      return o -> {
        String v = label(o, key);
        return in ? v != null && values.contains(v) : v == null || !values.contains(v);
      };
    }
    int ne = r.indexOf("!=");
    if (ne > 0) {
      String key = checkKey(r.substring(0, ne).trim(), whole);
      String value = r.substring(ne + 2).trim();
      return o -> !value.equals(label(o, key));
    }
    int eq = r.indexOf('=');
    if (eq > 0) {
      String key = checkKey(r.substring(0, eq).trim(), whole);
      String value = r.substring(r.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
      return o -> value.equals(label(o, key));
    }
    String key = checkKey(r, whole);
    return o -> label(o, key) != null;
  }

  private static String checkKey(String key, String whole) {
    if (!key.matches("([A-Za-z0-9.-]+/)?[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?")) {
      throw ApiException.badRequest("unable to parse requirement: invalid label key \"" + key + "\" in selector \"" + whole + "\"");
    }
    return key;
  }

  static Predicate<JsonNode> fields(String selector) {
    if (selector == null || selector.isBlank()) {
      return o -> true;
    }
    List<Predicate<JsonNode>> reqs = new ArrayList<>();
    for (String part : selector.split(",")) {
      String p = part.trim();
      int ne = p.indexOf("!=");
      int eq = p.indexOf('=');
      if (ne > 0) {
        String path = p.substring(0, ne);
        String value = p.substring(ne + 2);
        reqs.add(o -> !value.equals(field(o, path)));
      } else if (eq > 0) {
        String path = p.substring(0, eq);
        String value = p.substring(p.startsWith("==", eq) ? eq + 2 : eq + 1);
        reqs.add(o -> value.equals(field(o, path)));
      } else {
        throw ApiException.badRequest("invalid selector: '" + selector + "'; can't understand '" + p + "'");
      }
    }
    return o -> {
      for (Predicate<JsonNode> r : reqs) {
        if (!r.test(o)) return false;
      }
      return true;
    };
  }

  static String field(JsonNode o, String path) {
    JsonNode cur = o;
    for (String p : path.split("\\.")) {
      cur = cur == null ? null : cur.get(p);
    }
    return cur == null || cur.isNull() || cur.isContainerNode() ? "" : cur.asText();
  }
}
