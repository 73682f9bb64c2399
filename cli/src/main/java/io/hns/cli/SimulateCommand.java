package io.hns.cli;

import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
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
      description = "Override the scenario's policy (manifest, vmss-only, aci-only, burst, burst-backfill, overprovision).")
  String policy;

  @Option(names = "--report", description = "Also write report.html: summary, timeline charts, latency table (opens offline).")
  boolean report;

  @Option(names = "--quiet", description = "No pod tables, no progress bar.")
  boolean quiet;

  @Option(names = "--output", defaultValue = "text", description = "text or json (the summary on standard output).")
  OutputFormat output;

  @Override
  public Integer call() {
    CompiledScenario compiled = ScenarioRunner.withPolicy(ScenarioCompiler.load(ScenarioSource.of(scenario)), policy);
    Path dir = out != null ? out : Path.of("runs", ScenarioRunner.safe(compiled.name()) + (policy == null ? "" : "-" + policy));
    ScenarioRunner.run(spec.commandLine().getOut(), compiled, dir, seed, quiet, output, report);
    return 0;
  }
}
