package io.hns.cli;

import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.RunWriter;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hns simulate}: run a scenario (default: the embedded seed experiment) and write its outputs. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario in the simulated AKS cluster and write timeline.csv, pods.csv, nodes.csv,",
      "events.jsonl and summary.json (docs/outputs.md). Without SCENARIO, the embedded seed",
      "experiment runs (builtin:seed). With --report, also report.html."
    })
public final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "A scenario YAML file, or builtin:NAME (default: builtin:seed).")
  String scenario = "builtin:seed";

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/<scenario name>).")
  Path out;

  @Option(names = "--seed", description = "Override the scenario's seed.")
  Long seed;

  @Option(names = "--policy", paramLabel = "NAME",
      description = "Override the scenario's placement policy (manifest, vmss-only, aci-only, burst).")
  String policy;

  @Option(names = "--report", description = "Also write report.html: summary, timeline charts, latency table (opens offline).")
  boolean report;

  @Option(names = "--quiet", description = "No pod tables, no progress bar.")
  boolean quiet;

  @Option(names = "--output", defaultValue = "text", description = "text or json (the summary on standard output).")
  OutputFormat output;

  @Override
  public Integer call() {
    CompiledScenario compiled = ScenarioCompiler.load(ScenarioSource.of(scenario));
    if (policy != null) {
      compiled = compiled.withPolicy(io.hns.model.policy.PlacementPolicies.named(policy));
    }
    PrintWriter out = spec.commandLine().getOut();
    boolean text = output == OutputFormat.text;
    try (ProgressDisplay progress = ProgressDisplay.create(!quiet && text, compiled.name(), compiled.durationMs())) {
      RunResult result = Simulation.run(compiled,
          new Simulation.Options(seed, 0, quiet || !text ? null : out, progress::update));
      progress.close();
      Path dir = this.out != null ? this.out
          : Path.of("runs", safe(compiled.name()) + (policy == null ? "" : "-" + policy));
      RunWriter.write(dir, result);
      if (report) {
        io.hns.simulator.report.RunReport.of(result).write(dir);
      }
      if (text) {
        SummaryTable.print(out, result, dir);
      } else {
        Json.print(out, io.hns.simulator.output.Summary.of(result));
      }
    }
    return 0;
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
