package io.hns.cli;

import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.RunWriter;
import io.hns.simulator.output.Summary;
import io.hns.simulator.scenario.CompiledScenario;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Runs one compiled scenario for a command: progress bar, pod tables, the output files and the
 * closing summary (or the summary as JSON). Shared by simulate and replay.
 */
final class ScenarioRunner {
  private ScenarioRunner() {}

  static RunResult run(PrintWriter out, CompiledScenario compiled, Path dir, Long seed, boolean quiet, OutputFormat format,
      boolean report) {
    boolean text = format == OutputFormat.text;
    RunResult result;
    try (ProgressDisplay progress = ProgressDisplay.create(!quiet && text, compiled.name(), compiled.durationMs())) {
      result = Simulation.run(compiled, new Simulation.Options(seed, 0, quiet || !text ? null : out, progress::update));
    }
    RunWriter.write(dir, result);
    if (report) {
      io.hns.simulator.report.RunReport.of(result).write(dir);
    }
    if (text) {
      SummaryTable.print(out, result, dir);
    } else {
      Json.print(out, Summary.of(result));
    }
    return result;
  }

  /** The scenario with another policy; its own parameters only stay with its own policy. */
  static CompiledScenario withPolicy(CompiledScenario compiled, String policy) {
    if (policy == null) {
      return compiled;
    }
    java.util.Map<String, Object> params = policy.equals(compiled.policy().name()) ? compiled.policy().parameters() : null;
    return compiled.withPolicy(io.hns.model.policy.PolicyCatalog.named(policy, params));
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
