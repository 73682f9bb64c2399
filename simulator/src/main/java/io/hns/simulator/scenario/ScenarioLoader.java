package io.hns.simulator.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.TreeSet;

/**
 * Parses a scenario file strictly: an unknown key, a wrong type or a bad duration is an error naming
 * the file, the line and the key path, with the keys that would have been accepted.
 */
public final class ScenarioLoader {
  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      // `load` may be one map or a list of them.
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .build();

  private ScenarioLoader() {}

  public static Scenario load(ScenarioSource source) {
    return parse(source.name(), source.readScenario());
  }

  public static Scenario parse(String name, String text) {
    try {
      Scenario s = YAML.readValue(text, Scenario.class);
      if (s == null) {
        throw new ScenarioException(name + ": empty scenario file");
      }
      return s;
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      int line = keyLine(text, e.getPropertyName(), e.getLocation() == null ? -1 : e.getLocation().getLineNr());
      throw new ScenarioException((line > 0 ? name + ":" + line : name) + ": unknown key \"" + e.getPropertyName() + "\""
          + at(e) + " (known keys: " + String.join(", ", known) + ")");
    } catch (JsonMappingException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      String msg = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
      throw new ScenarioException(where(name, e.getLocation()) + ": " + path(e) + ": " + firstLine(msg));
    } catch (JsonProcessingException e) {
      throw new ScenarioException(where(name, e.getLocation()) + ": malformed YAML: " + firstLine(e.getOriginalMessage()));
    }
  }

  /**
   * The line of an unknown key: Jackson reports where the parser stopped, which for a record can be
   * past the key, so look back from there for the line that holds it.
   */
  static int keyLine(String text, String key, int reported) {
    String[] lines = text.split("\n", -1);
    java.util.regex.Pattern p = java.util.regex.Pattern.compile("^\\s*(-\\s+)?[\"']?" + java.util.regex.Pattern.quote(key) + "[\"']?\\s*:");
    for (int l = Math.min(reported, lines.length); l >= 1; l--) {
      if (p.matcher(lines[l - 1]).find()) {
        return l;
      }
    }
    return reported;
  }

  private static String where(String name, JsonLocation loc) {
    return loc == null || loc.getLineNr() < 0 ? name : name + ":" + loc.getLineNr();
  }

  private static String at(JsonMappingException e) {
    String p = path(e);
    int dot = p.lastIndexOf('.');
    return dot > 0 ? " in " + p.substring(0, dot) : "";
  }

  static String path(JsonMappingException e) {
    return io.hns.model.manifest.FabricObjects.fieldPath(e);
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
