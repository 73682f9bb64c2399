package io.hns.cli;

import io.hns.simulator.plan.Planner;
import io.hns.simulator.plan.PreparedSweep;
import io.hns.simulator.plan.Shard;
import io.hns.simulator.plan.Sweep;
import io.hns.simulator.plan.SweepEngine;
import io.hns.simulator.plan.SweepEngineProvider;
import io.hns.simulator.plan.SweepLoader;
import io.hns.simulator.plan.SweepRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hns plan}: a Monte Carlo sweep over configurations, with a recommendation (docs/plan.md). */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    subcommands = {PlanMergeCommand.class},
    description = {
      "Monte Carlo sweep over configurations, with the cheapest one meeting the SLO.",
      "",
      "Every point of the sweep's grid (or list) runs N replications, with common",
      "random numbers across points, in parallel. Writes runs.csv, points.csv (means",
      "and confidence intervals), pareto.csv and summary.json. Ctrl-C keeps finished",
      "runs; --resume continues. Format and outputs: docs/plan.md."
    })
public final class PlanCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SWEEP", description = "The sweep YAML file.")
  Path sweepFile;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/plan-<sweep name>).")
  Path out;

  @Option(names = "--threads", paramLabel = "N",
      description = "Runs at once (default: the number of processors); with --engine spark and no master, local[N].")
  Integer threads;

  @Option(names = "--engine", paramLabel = "NAME", defaultValue = "local",
      description = "local (a thread pool, the default) or spark (needs the spark job jar: docs/spark.md).")
  String engine;

  @Option(names = "--master", paramLabel = "URL",
      description = "--engine spark: the Spark master (local[N], spark://HOST:PORT, k8s://...); default: spark-submit's, or local[--threads].")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "--engine spark: a Spark property, e.g. spark.task.maxFailures=4 or spark.hns.partitions=8 (repeatable).")
  Map<String, String> conf;

  @Option(names = "--resume", description = "Continue the sweep in --out, skipping the runs already in its runs.csv.")
  boolean resume;

  @Option(names = "--shard", paramLabel = "I/N",
      description = "Run only shard I of N (whole points, round-robin); combine the folders with hns plan merge.")
  String shard;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(names = "--output", defaultValue = "text", description = "text or json (summary.json on standard output).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    if (sweepFile == null) {
      throw new UsageError("give a sweep file: hns plan SWEEP.yaml (format in docs/plan.md), or hns plan merge DIR...");
    }
    Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
    Sweep sweep = SweepLoader.load(sweepFile);
    PreparedSweep prepared = PreparedSweep.prepare(sweep, sweepFile.toAbsolutePath().getParent());
    Path dir = out != null ? out : Path.of("runs", "plan-" + ScenarioRunner.safe(sweep.name())
        + (part.isAll() ? "" : "-shard-" + part.index() + "-of-" + part.count()));
    if (threads != null && threads < 1) {
      throw new UsageError("--threads must be at least 1");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    boolean text = output == OutputFormat.text;
    String engineName;
    Planner.Result result;
    // The progress bar is closed (by the try) before anything is printed under it.
    SweepEngineProvider.Settings settings = new SweepEngineProvider.Settings(master, threads, conf, notice -> {
      stderr.println("hns plan: " + notice);
      stderr.flush();
    });
    try (SweepEngine engine = SweepEngineProvider.open(this.engine, settings);
        PlanProgress progress = new PlanProgress(!quiet && text, sweep.name())) {
      engineName = engine.describe();
      Thread onInterrupt = interruptionNotice(stderr, progress, dir);
      Runtime.getRuntime().addShutdownHook(onInterrupt);
      try {
        result = Planner.run(prepared, engine, new SweepRunner.Options(dir, resume, part, progress));
      } finally {
        removeHook(onInterrupt);
      }
    } catch (io.hns.simulator.plan.SweepRunFailedException e) {
      stderr.println("hns: " + e.getMessage());
      stderr.println("hns: the finished runs are kept in " + dir.resolve("runs.csv") + "; after a fix, continue with --resume");
      stderr.flush();
      return 1;
    }
    if (text) {
      PlanReport.print(stdout, result, engineName, part);
    } else {
      Json.print(stdout, Json.MAPPER.readTree(dir.resolve(io.hns.simulator.plan.PlanWriter.SUMMARY_JSON).toFile()));
    }
    return 0;
  }

  /** Ctrl-C: say what was kept and how to go on (runs.csv already has every finished run). */
  private Thread interruptionNotice(PrintWriter err, PlanProgress progress, Path dir) {
    return new Thread(() -> {
      progress.close();
      err.println();
      err.println("hns plan: interrupted; " + progress.finished() + " runs finished in this session are kept in "
          + dir.resolve("runs.csv"));
      err.println("hns plan: continue with: hns plan " + sweepFile + " --out " + dir + " --resume");
      err.flush();
    }, "hns-plan-interrupted");
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running and has the last word.
    }
  }
}
