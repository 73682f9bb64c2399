package io.hns.cli;

import io.hns.model.manifest.ManifestException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code hns} command: simulate, explain, and (later) replay, plan, emulate, live. */
@Command(
    name = "hns",
    mixinStandardHelpOptions = true,
    version = "hns 0.1.0",
    description = "Hybrid node scaling on AKS: VMSS nodes and the ACI virtual node, simulated, explained and planned.",
    subcommands = {SimulateCommand.class, ReplayCommand.class, PlanCommand.class, EmulateCommand.class,
        ExplainCommand.class, TraceCommand.class, LiveCommand.class, RecordCommand.class, CalibrateCommand.class,
        BenchCommand.class})
public final class Hns {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call {@code execute} on it. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Hns());
    cl.setExecutionExceptionHandler(Hns::handle);
    return cl;
  }

  /** Bad input is exit code 2 with one line naming the file and field; never a stack trace. */
  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    if (e instanceof ManifestException || e instanceof UsageError || e instanceof IllegalArgumentException
        || e instanceof io.hns.simulator.scenario.ScenarioException || e instanceof io.hns.traces.TraceException
        || e instanceof io.hns.simulator.plan.SweepException) {
      cl.getErr().println("hns: " + e.getMessage());
      return 2;
    }
    if (e instanceof io.hns.live.LiveException || e instanceof io.fabric8.kubernetes.client.KubernetesClientException) {
      cl.getErr().println("hns: " + e.getMessage());
      return 1;
    }
    if (e instanceof java.io.UncheckedIOException io) {
      cl.getErr().println("hns: " + io.getMessage());
      return 1;
    }
    cl.getErr().println("hns: internal error: " + e);
    e.printStackTrace(cl.getErr());
    return 1;
  }
}
