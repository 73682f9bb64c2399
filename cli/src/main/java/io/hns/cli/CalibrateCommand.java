package io.hns.cli;

import io.hns.live.calibrate.Fit;
import io.hns.live.calibrate.LatencyFitter;
import io.hns.live.calibrate.LatencySamples;
import io.hns.live.calibrate.ScenarioFragment;
import io.hns.traces.TraceInput;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hns calibrate}: fit latency distributions to a recorded trace and write a scenario fragment. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Fit VM node boot latency (Node created -> Ready, per pool) and ACI start latency (pod scheduled",
      "on the virtual node -> running) from a recorded trace: log-normal and gamma by maximum",
      "likelihood, with Kolmogorov-Smirnov goodness of fit. Writes the scenario fragment",
      "(cluster.nodePools[].bootLatency, cluster.virtualNode.aci.startLatency) the simulator reads."
    })
public final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.jsonl", description = "A recorded trace (docs/traces.md), as hns record writes it.")
  Path trace;

  @Option(names = "--out", paramLabel = "fragment.yaml", description = "Write the fragment here (default: standard output).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (!Files.isReadable(trace)) {
      throw new UsageError("cannot read " + trace);
    }
    LatencySamples t = LatencySamples.read(TraceInput.of(trace));
    PrintWriter err = spec.commandLine().getErr();
    Map<String, LatencyFitter.Result> boot = new LinkedHashMap<>();
    t.vmBootSeconds().forEach((pool, samples) -> {
      if (samples.size() >= LatencyFitter.MIN_SAMPLES) {
        boot.put(pool, LatencyFitter.fit(samples));
      } else {
        err.println("hns calibrate: pool " + (pool.isEmpty() ? "(unnamed)" : pool) + ": only " + samples.size()
            + " node boot(s) recorded, need " + LatencyFitter.MIN_SAMPLES + "; skipped");
      }
    });
    List<Double> aciSamples = t.aciStartSeconds();
    LatencyFitter.Result aci = aciSamples.size() >= LatencyFitter.MIN_SAMPLES ? LatencyFitter.fit(aciSamples) : null;
    if (aci == null && !aciSamples.isEmpty()) {
      err.println("hns calibrate: only " + aciSamples.size() + " ACI start(s) recorded, need " + LatencyFitter.MIN_SAMPLES + "; skipped");
    }
    if (boot.isEmpty() && aci == null) {
      throw new UsageError(trace + ": nothing to fit: need at least " + LatencyFitter.MIN_SAMPLES
          + " VM nodes or virtual-node pods observed from creation (the trace has " + t.entries() + " entries)");
    }
    boot.forEach((pool, r) -> summary(err, "VM boot" + (pool.isEmpty() ? "" : " (" + pool + ")"), r));
    if (aci != null) summary(err, "ACI start", aci);
    String yaml = ScenarioFragment.yaml(trace.getFileName().toString(), boot, aci);
    if (out == null) {
      spec.commandLine().getOut().print(yaml);
      spec.commandLine().getOut().flush();
    } else {
      Files.writeString(out, yaml);
      err.println("hns calibrate: wrote " + out);
    }
    err.flush();
    return 0;
  }

  private static void summary(PrintWriter err, String what, LatencyFitter.Result r) {
    Fit b = r.best();
    err.println(String.format(Locale.ROOT, "%s: n=%d, best %s, median %.1f s, p90 %.1f s (KS D=%.3f, p=%.3f)",
        what, r.n(), b.family(), b.medianSeconds(), b.p90Seconds(), b.ksStatistic(), b.ksPValue()));
  }
}
