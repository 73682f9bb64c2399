package io.hns.live.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A view of one mapping in a config file that knows its key path, so that every error says where
 * it is ({@code file: bounds.maxNodesAdded: must not be negative}) and unknown keys are refused
 * rather than silently ignored (a misspelt bound would otherwise leave the default in force).
 */
public final class ConfigNode {
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

  private final String file;
  private final String path;
  private final JsonNode node;

  ConfigNode(String file, String path, JsonNode node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  public static ConfigNode root(String file, JsonNode node) {
    return new ConfigNode(file, "", node);
  }

  public boolean isMissing() {
    return node == null || node.isMissingNode() || node.isNull();
  }

  /** Fails on keys other than these. */
  public ConfigNode allowKeys(String... keys) {
    if (isMissing()) {
      return this;
    }
    if (!node.isObject()) {
      throw error(path, "must be a mapping");
    }
    Set<String> known = Set.of(keys);
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!known.contains(k)) {
        throw error(join(k), "unknown key (known keys: " + String.join(", ", new TreeSet<>(known)) + ")");
      }
    }
    return this;
  }

  public ConfigNode get(String key) {
    return new ConfigNode(file, join(key), isMissing() ? null : node.get(key));
  }

  public JsonNode raw() {
    return node;
  }

  public String path() {
    return path;
  }

  public String text(String key, String fallback) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    if (!c.node.isValueNode()) {
      throw error(c.path, "must be a string");
    }
    return c.node.asText();
  }

  public int integer(String key, int fallback, int min) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    if (!c.node.canConvertToInt() || !c.node.isIntegralNumber()) {
      throw error(c.path, "must be an integer");
    }
    int v = c.node.asInt();
    if (v < min) {
      throw error(c.path, "must be at least " + min);
    }
    return v;
  }

  public boolean bool(String key, boolean fallback) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    if (!c.node.isBoolean()) {
      throw error(c.path, "must be true or false");
    }
    return c.node.asBoolean();
  }

  public Duration duration(String key, Duration fallback) {
    ConfigNode c = get(key);
    if (c.isMissing()) {
      return fallback;
    }
    Duration d = parseDuration(c.node.asText());
    if (d == null || d.isNegative() || d.isZero()) {
      throw error(c.path, "\"" + c.node.asText() + "\" is not a positive duration (500ms, 10s, 5m, 1h30m)");
    }
    return d;
  }

  public List<String> strings(String key) {
    ConfigNode c = get(key);
    List<String> out = new ArrayList<>();
    if (c.isMissing()) {
      return out;
    }
    if (!c.node.isArray()) {
      throw error(c.path, "must be a list");
    }
    c.node.forEach(n -> out.add(n.asText()));
    return out;
  }

  public List<ConfigNode> list(String key) {
    ConfigNode c = get(key);
    List<ConfigNode> out = new ArrayList<>();
    if (c.isMissing()) {
      return out;
    }
    if (!c.node.isArray()) {
      throw error(c.path, "must be a list");
    }
    for (int i = 0; i < c.node.size(); i++) {
      out.add(new ConfigNode(file, c.path + "[" + i + "]", c.node.get(i)));
    }
    return out;
  }

  public ConfigException error(String keyPath, String message) {
    return new ConfigException(file + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message);
  }

  public ConfigException error(String message) {
    return error(path, message);
  }

  /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h30m}, or a bare number of seconds; null if neither. */
  public static Duration parseDuration(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    s = s.trim();
    if (s.matches("\\d+(\\.\\d+)?")) {
      return Duration.ofMillis(Math.round(Double.parseDouble(s) * 1000));
    }
    Matcher m = DURATION.matcher(s);
    long millis = 0;
    int end = 0;
    while (m.find()) {
      if (m.start() != end) {
        return null;
      }
      double v = Double.parseDouble(m.group(1));
      millis += Math.round(v * switch (m.group(2)) {
        case "ms" -> 1;
        case "s" -> 1_000;
        case "m" -> 60_000;
        default -> 3_600_000;
      });
      end = m.end();
    }
    return end == s.length() && end > 0 ? Duration.ofMillis(millis) : null;
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
