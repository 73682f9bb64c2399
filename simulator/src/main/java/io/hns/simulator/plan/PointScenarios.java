package io.hns.simulator.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.Scenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioException;
import io.hns.simulator.scenario.ScenarioLoader;
import io.hns.simulator.scenario.ScenarioSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The scenario of each sweep point: the base scenario's YAML tree with the point's overrides
 * written in, then read and compiled exactly as {@code hns simulate} reads a file, so that an
 * override the scenario does not allow fails with the scenario's own message (for example
 * {@code cluster.nodePools[0].minCount: minCount 3 exceeds maxCount 2}), prefixed with the point.
 */
public final class PointScenarios {
  private static final ObjectMapper YAML = new YAMLMapper();

  private final ScenarioSource base;
  private final String baseText;
  private final ObjectNode baseTree;
  private final long baseSeed;

  private PointScenarios(ScenarioSource base) {
    this.base = base;
    // The base alone first: its own mistakes are reported with their lines.
    this.baseSeed = ScenarioCompiler.load(base).seed();
    this.baseText = base.readScenario();
    try {
      JsonNode tree = YAML.readTree(baseText);
      if (!(tree instanceof ObjectNode o)) {
        throw new SweepException(base.name() + ": not a map of scenario keys");
      }
      this.baseTree = o;
    } catch (JsonProcessingException e) {
      throw new SweepException(base.name() + ": " + e.getOriginalMessage());
    }
  }

  /** The base scenario of a sweep: {@code builtin:NAME}, or a path relative to the sweep file's folder. */
  public static ScenarioSource baseOf(Sweep sweep, Path sweepDir) {
    if (sweep.base().startsWith(ScenarioSource.BUILTIN_PREFIX)) {
      return ScenarioSource.of(sweep.base());
    }
    Path p = Path.of(sweep.base());
    return ScenarioSource.of((p.isAbsolute() || sweepDir == null ? p : sweepDir.resolve(p)).toString());
  }

  public static PointScenarios of(ScenarioSource base) {
    return new PointScenarios(base);
  }

  /** The base scenario file as written (part of a sweep's fingerprint). */
  public String baseText() {
    return baseText;
  }

  public long baseSeed() {
    return baseSeed;
  }

  /** The point's scenario as read, before compiling: what the overrides changed. */
  public Scenario scenario(SweepPoint point) {
    ObjectNode tree = baseTree.deepCopy();
    for (Map.Entry<String, JsonNode> e : point.overrides().entrySet()) {
      try {
        Axes.named(e.getKey()).apply(tree, e.getValue());
      } catch (SweepException | IllegalArgumentException ex) {
        throw new SweepException(prefix(point) + ex.getMessage());
      }
    }
    try {
      return ScenarioLoader.parse(base.name(), YAML.writeValueAsString(tree));
    } catch (ScenarioException ex) {
      throw new SweepException(prefix(point) + withoutLine(ex.getMessage()));
    } catch (JsonProcessingException ex) {
      throw new SweepException(prefix(point) + ex.getOriginalMessage());
    }
  }

  public CompiledScenario compile(SweepPoint point) {
    Scenario s = scenario(point);
    try {
      return ScenarioCompiler.compile(s, base);
    } catch (ScenarioException ex) {
      throw new SweepException(prefix(point) + ex.getMessage());
    }
  }

  private static String prefix(SweepPoint p) {
    return "point " + p.id() + " (" + p.label() + "): ";
  }

  /** Line numbers would point into the rewritten text, not the file the user has: leave them out. */
  private String withoutLine(String message) {
    return message.replaceFirst("^" + Pattern.quote(base.name()) + ":\\d+:", base.name() + ":");
  }
}
