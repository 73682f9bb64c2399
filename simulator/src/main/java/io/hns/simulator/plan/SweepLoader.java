package io.hns.simulator.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a sweep file strictly, like a scenario: an unknown key, axis or metric is an error naming
 * the file, the key (and the line where it can be found) and what would have been accepted. Keys
 * in docs/plan.md.
 */
public final class SweepLoader {
  static final int DEFAULT_REPLICATIONS = 10;
  static final double DEFAULT_CONFIDENCE = 0.95;
  static final int DEFAULT_MIN_REPLICATIONS = 5;
  static final int DEFAULT_CHECK_EVERY = 5;

  private static final ObjectMapper YAML = YAMLMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      // `slo`, `stopWhen` and a grid axis may be one value or a list of them.
      .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The file as written. */
  record SweepFile(
      String name,
      String description,
      String base,
      LinkedHashMap<String, List<JsonNode>> grid,
      List<LinkedHashMap<String, JsonNode>> points,
      Integer replications,
      Long seed,
      Double confidence,
      String objective,
      List<SloSpec> slo,
      List<StopSpec> stopWhen) {}

  record SloSpec(String metric, Double max) {}

  record StopSpec(String metric, Double relativeHalfWidth, Double halfWidth, Integer minReplications, Integer checkEvery) {}

  private final String file;
  private final String text;

  private SweepLoader(String file, String text) {
    this.file = file;
    this.text = text;
  }

  public static Sweep load(Path path) {
    try {
      return parse(path.toString(), Files.readString(path, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new SweepException(path + ": no such file");
    } catch (IOException e) {
      throw new SweepException(path + ": cannot read: " + e.getMessage());
    }
  }

  public static Sweep parse(String file, String text) {
    return new SweepLoader(file, text).parse();
  }

  private Sweep parse() {
    SweepFile f = bind();
    String base = f.base();
    if (base == null || base.isBlank()) {
      throw error("base", "is required (a scenario file relative to the sweep, or builtin:NAME)");
    }
    int replications = f.replications() == null ? DEFAULT_REPLICATIONS : f.replications();
    if (replications < 1) throw error("replications", "must be at least 1");
    double confidence = f.confidence() == null ? DEFAULT_CONFIDENCE : f.confidence();
    if (!(confidence > 0 && confidence < 1)) throw error("confidence", "must be within (0, 1), e.g. 0.95");
    Metric objective = f.objective() == null ? Metric.COST_USD : Metric.ofColumn(f.objective(), where("objective"));
    List<SloTarget> slo = new ArrayList<>();
    for (int i = 0; f.slo() != null && i < f.slo().size(); i++) {
      slo.add(slo(f.slo().get(i), "slo[" + i + "]"));
    }
    List<StopRule> stop = new ArrayList<>();
    for (int i = 0; f.stopWhen() != null && i < f.stopWhen().size(); i++) {
      stop.add(stop(f.stopWhen().get(i), "stopWhen[" + i + "]", replications));
    }
    if (f.grid() != null && f.points() != null) {
      throw error("grid", "give grid or points, not both");
    }
    List<String> axes = new ArrayList<>();
    List<SweepPoint> points = f.grid() != null ? grid(f.grid(), axes) : f.points() != null ? list(f.points(), axes)
        : List.of(new SweepPoint(1, Map.of()));
    String name = f.name() != null ? f.name() : defaultName();
    return new Sweep(file, text, name, f.description() == null ? "" : f.description(), base, List.copyOf(axes),
        List.copyOf(points), replications, f.seed(), confidence, objective, List.copyOf(slo), List.copyOf(stop));
  }

  private SweepFile bind() {
    try {
      SweepFile f = YAML.readValue(text, SweepFile.class);
      if (f == null) throw new SweepException(file + ": empty sweep file");
      return f;
    } catch (UnrecognizedPropertyException e) {
      TreeSet<String> known = new TreeSet<>();
      e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
      int line = lineOf(e.getPropertyName(), e.getLocation() == null ? Integer.MAX_VALUE : e.getLocation().getLineNr());
      String in = path(e).contains(".") ? " in " + path(e).substring(0, path(e).lastIndexOf('.')) : "";
      throw new SweepException(at(line) + ": unknown key \"" + e.getPropertyName() + "\"" + in + " (known keys: "
          + String.join(", ", known) + ")");
    } catch (JsonMappingException e) {
      throw new SweepException(at(line(e.getLocation())) + ": " + path(e) + ": " + firstLine(e.getOriginalMessage()));
    } catch (JsonProcessingException e) {
      throw new SweepException(at(line(e.getLocation())) + ": malformed YAML: " + firstLine(e.getOriginalMessage()));
    }
  }

  private SloTarget slo(SloSpec s, String key) {
    if (s == null) throw error(key, "is empty");
    if (s.metric() == null) throw error(key + ".metric", "is required");
    Metric m = Metric.ofColumn(s.metric(), where(key + ".metric"));
    if (s.max() == null) throw error(key + ".max", "is required (the largest acceptable mean of " + s.metric() + ")");
    return new SloTarget(m, s.max());
  }

  private StopRule stop(StopSpec s, String key, int replications) {
    if (s == null) throw error(key, "is empty");
    if (s.metric() == null) throw error(key + ".metric", "is required");
    Metric m = Metric.ofColumn(s.metric(), where(key + ".metric"));
    if ((s.relativeHalfWidth() == null) == (s.halfWidth() == null)) {
      throw error(key, "give exactly one of relativeHalfWidth and halfWidth");
    }
    if (s.relativeHalfWidth() != null && !(s.relativeHalfWidth() > 0)) throw error(key + ".relativeHalfWidth", "must be positive");
    if (s.halfWidth() != null && !(s.halfWidth() >= 0)) throw error(key + ".halfWidth", "must not be negative");
    int min = s.minReplications() == null ? Math.min(DEFAULT_MIN_REPLICATIONS, replications) : s.minReplications();
    if (min < 2) throw error(key + ".minReplications", "must be at least 2 (an interval needs two runs)");
    if (min > replications) throw error(key + ".minReplications", min + " exceeds replications (" + replications + ")");
    int every = s.checkEvery() == null ? DEFAULT_CHECK_EVERY : s.checkEvery();
    if (every < 1) throw error(key + ".checkEvery", "must be at least 1");
    return new StopRule(m, s.relativeHalfWidth(), s.halfWidth(), min, every);
  }

  /** The cartesian product, first axis slowest, so that point ids read like nested loops. */
  private List<SweepPoint> grid(Map<String, List<JsonNode>> grid, List<String> axes) {
    if (grid.isEmpty()) throw error("grid", "needs at least one axis");
    List<List<JsonNode>> values = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> e : grid.entrySet()) {
      String key = "grid." + e.getKey();
      Axis axis = axis(e.getKey(), key);
      List<JsonNode> vs = e.getValue() == null ? List.of() : e.getValue();
      if (vs.isEmpty()) throw error(key, "needs at least one value");
      for (int i = 0; i < vs.size(); i++) {
        check(axis, vs.get(i), key + "[" + i + "]");
      }
      axes.add(e.getKey());
      values.add(vs);
    }
    List<SweepPoint> points = new ArrayList<>();
    int[] index = new int[axes.size()];
    while (true) {
      Map<String, JsonNode> overrides = new LinkedHashMap<>();
      for (int a = 0; a < axes.size(); a++) {
        overrides.put(axes.get(a), values.get(a).get(index[a]));
      }
      points.add(new SweepPoint(points.size() + 1, overrides));
      int a = axes.size() - 1;
      while (a >= 0 && ++index[a] == values.get(a).size()) {
        index[a--] = 0;
      }
      if (a < 0) {
        return points;
      }
    }
  }

  private List<SweepPoint> list(List<LinkedHashMap<String, JsonNode>> list, List<String> axes) {
    if (list.isEmpty()) throw error("points", "needs at least one point");
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<SweepPoint> points = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Map<String, JsonNode> overrides = list.get(i) == null ? Map.of() : list.get(i);
      for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
        String key = "points[" + i + "]." + e.getKey();
        check(axis(e.getKey(), key), e.getValue(), key);
        seen.add(e.getKey());
      }
      points.add(new SweepPoint(i + 1, overrides));
    }
    axes.addAll(seen);
    return points;
  }

  private Axis axis(String name, String key) {
    try {
      return Axes.named(name);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage(), name);
    }
  }

  private void check(Axis axis, JsonNode value, String key) {
    try {
      axis.check(value);
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private SweepException error(String key, String message) {
    return new SweepException(where(key) + ": " + message);
  }

  /** An error about a key whose line can be found: {@code FILE:LINE: KEY: message}. */
  private SweepException error(String key, String message, String lookFor) {
    return new SweepException(at(lineOf(lookFor, Integer.MAX_VALUE)) + ": " + key + ": " + message);
  }

  private String where(String key) {
    return file + ": " + key;
  }

  private String at(int line) {
    return line > 0 ? file + ":" + line : file;
  }

  /**
   * The line of a key: Jackson reports where its parser stopped, which can be past the key, so look
   * back from there for a line that holds it, as a block key or inside a flow map.
   */
  int lineOf(String key, int reported) {
    String[] lines = text.split("\n", -1);
    String k = Pattern.quote(key);
    Pattern block = Pattern.compile("^\\s*(-\\s+)?[\"']?" + k + "[\"']?\\s*:");
    Pattern flow = Pattern.compile("[{,]\\s*[\"']?" + k + "[\"']?\\s*:");
    for (Pattern p : List.of(block, flow)) {
      for (int l = Math.min(reported, lines.length); l >= 1; l--) {
        if (p.matcher(lines[l - 1]).find()) {
          return l;
        }
      }
    }
    return reported == Integer.MAX_VALUE ? -1 : reported;
  }

  private static int line(JsonLocation loc) {
    return loc == null ? -1 : loc.getLineNr();
  }

  private String defaultName() {
    String n = Path.of(file).getFileName().toString();
    return n.replaceFirst("\\.(ya?ml)$", "");
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (b.length() > 0) b.append('.');
        b.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
