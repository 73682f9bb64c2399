package io.hns.cli;

import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import io.hns.traces.RateSeries;
import io.hns.traces.TracePipeline;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hns replay}: a scenario driven by a traffic trace. The trace's request rate becomes per-pod
 * utilisation through the pod capacity, which metrics-server reports, the HPA acts on, the
 * scheduler places and the cluster autoscaler and the virtual node follow.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay a traffic trace through a scenario: the trace's rate drives one workload's load.",
      "The trace starts at simulated time 0; the run lasts as long as the trace unless --duration."
    })
public final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--trace", required = true, paramLabel = "FILE", description = "The trace file.")
  Path trace;

  @Mixin TraceReadOptions read;

  @Mixin TraceTransformOptions transforms;

  @Option(names = "--scenario", required = true, paramLabel = "SCENARIO", description = "A scenario file or builtin:NAME.")
  String scenario;

  @Option(names = "--load-workload", paramLabel = "NAME",
      description = "The Deployment the trace drives (default: the scenario's load, if it has exactly one).")
  String workload;

  @Option(names = "--pod-capacity", paramLabel = "RPS",
      description = "Requests/s one Ready pod serves at 100% of its CPU request (default: the scenario's).")
  Double podCapacity;

  @Option(names = "--duration", paramLabel = "DURATION", description = "Simulated time (default: the trace's span).")
  String duration;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/replay-<scenario name>).")
  Path out;

  @Option(names = "--seed", description = "Override the scenario's seed.")
  Long seed;

  @Option(names = "--policy", paramLabel = "NAME", description = "Override the scenario's policy.")
  String policy;

  @Option(names = "--report", description = "Also write report.html (self-contained charts of the run).")
  boolean report;

  @Option(names = "--quiet", description = "No pod tables, no progress bar.")
  boolean quiet;

  @Option(names = "--output", defaultValue = "text", description = "text or json (the summary on standard output).")
  OutputFormat output;

  @Override
  public Integer call() {
    CompiledScenario compiled = ScenarioRunner.withPolicy(ScenarioCompiler.load(ScenarioSource.of(scenario)), policy);
    String target = workload != null ? workload : defaultWorkload(compiled);
    TracePipeline p = transforms.pipeline();
    if (p.startAt() == null && p.shiftMs() == null) {
      // Simulated time starts at 0: so does the trace, unless the user placed it.
      p = new TracePipeline(p.from(), p.to(), p.gaps(), p.resampleMs(), p.scaleFactor(), p.scalePeak(), p.scaleMean(),
          0L, null, p.loopMs());
    }
    RateSeries series = RateSeries.of(p.apply(read.read(trace)));
    long runMs = duration != null ? io.hns.traces.Durations.parseMillis(duration) : series.endMs();
    if (runMs <= 0) {
      throw new UsageError("the replay would last " + runMs + " ms: give --duration");
    }
    CompiledScenario replay;
    try {
      replay = compiled.withLoad(target, series::rateAt, podCapacity, runMs);
    } catch (IllegalArgumentException e) {
      throw new UsageError(scenario + ": " + e.getMessage() + (podCapacity == null ? " (--pod-capacity)" : ""));
    }
    Path dir = out != null ? out : Path.of("runs", "replay-" + ScenarioRunner.safe(compiled.name()));
    spec.commandLine().getErr().printf("hns: replaying %s (%d points, peak %.1f req/s, mean %.1f req/s) on %s over %s%n",
        trace, series.size(), series.peakRate(), series.meanRate(), target, io.hns.traces.Durations.format(runMs));
    ScenarioRunner.run(spec.commandLine().getOut(), replay, dir, seed, quiet, output, report);
    return 0;
  }

  private String defaultWorkload(CompiledScenario c) {
    if (c.loads().size() == 1) {
      return c.loads().get(0).workload();
    }
    if (c.loads().isEmpty() && c.workloads().size() == 1) {
      return c.workloads().keySet().iterator().next();
    }
    throw new UsageError(scenario + ": say which workload the trace drives with --load-workload (have: "
        + String.join(", ", c.workloads().keySet()) + ")");
  }
}
