package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns bench}: its scenario is an ordinary one, and a benchmark run is an ordinary run. */
class BenchCommandTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    CommandLine cl = Hns.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The same outputs, byte for byte, from the bench path and from hns simulate of its files. */
  @Test
  void benchRunGivesTheSameOutputsAsSimulatingItsFiles() throws Exception {
    Path files = dir.resolve("scenario");
    Run bench = run("bench", "--nodes", "40", "--days", "0.25", "--keep", files.toString(),
        "--outputs", dir.resolve("bench-out").toString(), "--out", dir.resolve("bench.json").toString());
    assertThat(bench.code()).as(bench.err()).isEqualTo(0);
    assertThat(bench.out()).contains("hns bench: bench-40-nodes-6h", "x real time", "peak heap", "cores");
    Run simulate = run("simulate", files.resolve("scenario.yaml").toString(), "--quiet",
        "--out", dir.resolve("simulate-out").toString());
    assertThat(simulate.code()).as(simulate.err()).isEqualTo(0);
    for (String f : List.of("pods.csv", "events.jsonl", "timeline.csv", "nodes.csv")) {
      assertThat(Files.readString(dir.resolve("bench-out").resolve(f)))
          .as(f).isEqualTo(Files.readString(dir.resolve("simulate-out").resolve(f)));
    }
    assertThat(Files.readAllLines(dir.resolve("bench-out").resolve("pods.csv")).size()).isGreaterThan(50);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
    assertThat(json.path("simulated_seconds").asDouble()).isEqualTo(6 * 3600.0);
    assertThat(json.path("events").asLong()).isPositive();
    assertThat(json.path("peak_heap_bytes").asLong()).isPositive();
    assertThat(json.path("scenario").path("deployments").asInt()).isEqualTo(4);
    assertThat(json.path("scenario").path("policy").asText()).isEqualTo("burst-backfill");
    assertThat(json.path("machine").path("cores").asInt()).isPositive();
    assertThat(json.path("machine").path("jvm_version").asText()).isNotEmpty();
    for (String field : List.of("wall_seconds", "run_seconds", "simulated_seconds_per_wall_second",
        "events_per_wall_second", "peak_heap_after_gc_bytes", "max_heap_bytes")) {
      assertThat(json.has(field)).as(field).isTrue();
    }
  }

  /**
   * A bench scenario of 100 nodes over 12 hours, seed 3 (10 services, flash crowds, burst-backfill
   * with ACI, the autoscaler up and down): its outputs are pinned to the SHA-256 computed by
   * {@code hns simulate} of the same files with the code before the performance work of issue 7
   * (commit 9e0c0f5; events.jsonl re-pinned when the Scheduled event moved ahead of the kubelet's,
   * a deliberate order fix). Optimisations must not change a byte; a deliberate behaviour change or a
   * change of the generator updates these digests.
   */
  @Test
  void benchOutputsArePinnedToThoseBeforeTheOptimisations() throws Exception {
    Run bench = run("bench", "--nodes", "100", "--days", "0.5", "--seed", "3",
        "--outputs", dir.resolve("out").toString());
    assertThat(bench.code()).as(bench.err()).isEqualTo(0);
    java.util.Map<String, String> expected = java.util.Map.of(
        "timeline.csv", "1aab0172daa7351f",
        "pods.csv", "d834f86ceb5c2fcf",
        "nodes.csv", "1e52b5437f9b6925",
        "events.jsonl", "7bf8dd5ffdb30978"); // main: "Scheduled" before the kubelet's events
    for (var e : expected.entrySet()) {
      byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve(e.getKey()));
      String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
      assertThat(sha.substring(0, 16)).as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  /** A shorter run's load is the beginning of a longer one's (each day has its own random stream). */
  @Test
  void aShorterRunIsAPrefixOfALongerOne() throws Exception {
    BenchScenario.Written quarter = BenchScenario.write(new BenchScenario.Params(100, 0.25, 1), dir.resolve("q"));
    BenchScenario.Written day = BenchScenario.write(new BenchScenario.Params(100, 1, 1), dir.resolve("d"));
    var a = ScenarioCompiler.load(ScenarioSource.of(quarter.scenario().toString()));
    var b = ScenarioCompiler.load(ScenarioSource.of(day.scenario().toString()));
    assertThat(a.workloads()).isEqualTo(b.workloads());
    assertThat(a.hpas()).isEqualTo(b.hpas());
    for (int i = 0; i < a.loads().size(); i++) {
      for (long t = 0; t < a.durationMs(); t += 60_000) {
        assertThat(a.loads().get(i).curve().rateAt(t)).isEqualTo(b.loads().get(i).curve().rateAt(t));
      }
    }
  }

  /** Same parameters, same files; the full-size scenario fits the parser with 1 request/s steps. */
  @Test
  void theScenarioIsDeterministicAndLoadsWithTheNormalCompiler() throws Exception {
    BenchScenario.Written a = BenchScenario.write(BenchScenario.Params.standard(), dir.resolve("a"));
    BenchScenario.Written b = BenchScenario.write(BenchScenario.Params.standard(), dir.resolve("b"));
    assertThat(Files.readString(a.scenario())).isEqualTo(Files.readString(b.scenario()));
    assertThat(Files.readString(dir.resolve("a/services.yaml"))).isEqualTo(Files.readString(dir.resolve("b/services.yaml")));
    assertThat(a.rateQuantum()).isEqualTo(1);
    assertThat(a.deployments()).isEqualTo(50);
    assertThat(a.steps()).isGreaterThan(50 * 1000L);
    var compiled = ScenarioCompiler.load(ScenarioSource.of(a.scenario().toString()));
    assertThat(compiled.durationMs()).isEqualTo(7 * 86_400_000L);
    assertThat(compiled.loads()).hasSize(50);
    assertThat(compiled.hpas()).hasSize(50);
    assertThat(compiled.pools().get(0).maxSize()).isEqualTo(500);
    assertThat(compiled.autoscaler().enabled()).isTrue();
    assertThat(compiled.policy().name()).isEqualTo("burst-backfill");
    // Longer runs coarsen the rate so that the file stays under the YAML parser's 3 MiB.
    BenchScenario.Written month = BenchScenario.write(new BenchScenario.Params(1000, 30, 1), dir.resolve("c"));
    assertThat(month.rateQuantum()).isGreaterThan(1);
    assertThat(Files.size(month.scenario())).isLessThan(BenchScenario.MAX_SCENARIO_CHARS + 1);
  }

  @Test
  void curveHelpers() {
    double[] fit = BenchCommand.leastSquares(new double[] {0, 1, 2, 3}, new double[] {1, 3, 5, 7});
    assertThat(fit[0]).isEqualTo(2.0);
    assertThat(fit[1]).isEqualTo(1.0);
    assertThat(BenchCommand.fitFile(Path.of("out/curve.csv"))).isEqualTo(Path.of("out/curve-fit.json"));
    assertThat(BenchCommand.CURVE_COLUMNS.split(",")).contains("series", "nodes", "days", "run_s", "peak_heap_mib");
  }

  @Test
  void badSizeIsExitCodeTwo() {
    Run r = run("bench", "--nodes", "0");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--nodes");
  }
}
