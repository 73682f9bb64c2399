package io.hns.cli;

import io.hns.simulator.plan.PlanDirectory;
import io.hns.simulator.plan.PlanWriter;
import io.hns.simulator.plan.Planner;
import io.hns.simulator.plan.Shard;
import io.hns.simulator.plan.SweepLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hns plan merge}: the shards' folders into the files of one whole sweep. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Combine the folders of a sweep's shards into the files of one whole run.",
      "",
      "Give the --out folders of every hns plan --shard I/N run of one sweep; writes",
      "the runs.csv, points.csv, pareto.csv and summary.json one run would write."
    })
public final class PlanMergeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Output folders of the shards.")
  List<Path> dirs;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: runs/plan-<sweep name>).")
  Path out;

  @Option(names = "--output", defaultValue = "text", description = "text or json (summary.json on standard output).")
  OutputFormat output;

  @Override
  public Integer call() throws Exception {
    Path dir = out;
    if (dir == null) {
      PlanDirectory.PlanInfo info = PlanDirectory.at(dirs.get(0)).read();
      String name = SweepLoader.parse(info.sweepFile(), info.sweepText()).name();
      dir = Path.of("runs", "plan-" + ScenarioRunner.safe(name));
    }
    Planner.Result result = Planner.merge(dirs, dir);
    PrintWriter stdout = spec.commandLine().getOut();
    if (output == OutputFormat.text) {
      PlanReport.print(stdout, result, "merge of " + dirs.size() + " folders", Shard.ALL);
    } else {
      Json.print(stdout, Json.MAPPER.readTree(dir.resolve(PlanWriter.SUMMARY_JSON).toFile()));
    }
    return 0;
  }
}
