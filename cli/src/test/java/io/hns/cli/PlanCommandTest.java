package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns plan} and {@code hns plan merge}: the table and recommendation, the files, the errors. */
class PlanCommandTest {
  @TempDir Path dir;
  private Path sweep;

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

  @BeforeEach
  void writeSweep() throws Exception {
    Path scenarios = Path.of("..", "scenarios").toAbsolutePath().normalize();
    sweep = dir.resolve("tiny.yaml");
    Files.writeString(sweep, "name: tiny\nbase: " + scenarios.resolve("burst-pitfall.yaml") + "\n"
        + "grid:\n  policy: [vmss-only, burst]\n  duration: [15m]\nreplications: 3\nseed: 3\n"
        + "slo: {metric: pod_start_p95_s, max: 120}\n");
  }

  @Test
  void printsTheTableAndTheRecommendationAndWritesTheFiles() throws Exception {
    Path out = dir.resolve("out");
    Run r = run("plan", sweep.toString(), "--out", out.toString(), "--threads", "2");
    assertThat(r.code()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("Sweep tiny: 2 points x up to 3 replications", "6 runs done now and 0 resumed", "local (2 threads)",
        "POINT  POLICY", "COST_USD [CI]", "POD_START_P95_S [CI]", "vmss-only", "burst", "Recommended: point");
    for (String f : new String[] {"runs.csv", "points.csv", "pareto.csv", "summary.json", "plan.json"}) {
      assertThat(out.resolve(f)).exists();
    }
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("recommendation").path("status").asText()).isEqualTo("meets_slo");
    assertThat(summary.path("runs").asInt()).isEqualTo(6);
  }

  @Test
  void theSparkEngineNeedsItsJarAndTheLocalEngineRefusesSparkOptions() {
    Run spark = run("plan", sweep.toString(), "--out", dir.resolve("spark").toString(), "--engine", "spark", "--master", "local[2]");
    assertThat(spark.code()).isEqualTo(2);
    assertThat(spark.err()).contains("the spark engine is not on the classpath: run the shaded job jar (docs/spark.md)");
    Run master = run("plan", sweep.toString(), "--out", dir.resolve("local").toString(), "--master", "local[2]");
    assertThat(master.code()).isEqualTo(2);
    assertThat(master.err()).contains("--master and --conf are for --engine spark");
    Run other = run("plan", sweep.toString(), "--out", dir.resolve("other").toString(), "--engine", "flink");
    assertThat(other.err()).contains("unknown engine \"flink\" (engines here: local)");
  }

  @Test
  void jsonOutputIsTheSummary() throws Exception {
    Run r = run("plan", sweep.toString(), "--out", dir.resolve("out").toString(), "--output", "json");
    assertThat(r.code()).isEqualTo(0);
    JsonNode summary = new ObjectMapper().readTree(r.out());
    assertThat(summary.path("sweep").asText()).isEqualTo("tiny");
    assertThat(summary.path("pareto").isArray()).isTrue();
  }

  @Test
  void rerunningIntoTheSameFolderNeedsResume() {
    Path out = dir.resolve("out");
    assertThat(run("plan", sweep.toString(), "--out", out.toString()).code()).isEqualTo(0);
    Run again = run("plan", sweep.toString(), "--out", out.toString());
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("already holds runs.csv: add --resume");
    Run resumed = run("plan", sweep.toString(), "--out", out.toString(), "--resume");
    assertThat(resumed.code()).isEqualTo(0);
    assertThat(resumed.out()).contains("0 runs done now and 6 resumed from runs.csv");
  }

  @Test
  void badSweepIsExitCodeTwoWithTheKey() throws Exception {
    Files.writeString(sweep, "base: builtin:seed\ngrid:\n  maxNodes: [3]\n");
    Run r = run("plan", sweep.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("tiny.yaml:3", "unknown axis \"maxNodes\"", "maxCount").doesNotContain("Exception", "\tat ");
  }

  @Test
  void aPointTheScenarioRefusesIsExitCodeTwo() throws Exception {
    Files.writeString(sweep, "base: " + Path.of("..", "scenarios", "burst-pitfall.yaml").toAbsolutePath().normalize()
        + "\ngrid:\n  maxCount: [1]\n");
    Run r = run("plan", sweep.toString(), "--out", dir.resolve("out").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("point 1 (maxCount=1)", "cluster.nodePools[0].minCount: minCount 2 exceeds maxCount 1");
  }

  @Test
  void shardsAndMerge() throws Exception {
    assertThat(run("plan", sweep.toString(), "--out", dir.resolve("whole").toString()).code()).isEqualTo(0);
    Run s1 = run("plan", sweep.toString(), "--out", dir.resolve("s1").toString(), "--shard", "1/2");
    assertThat(s1.out()).contains("shard 1/2", "hns plan merge");
    assertThat(run("plan", sweep.toString(), "--out", dir.resolve("s2").toString(), "--shard", "2/2").code()).isEqualTo(0);
    Run merged = run("plan", "merge", dir.resolve("s1").toString(), dir.resolve("s2").toString(), "--out", dir.resolve("m").toString());
    assertThat(merged.code()).as(merged.err()).isEqualTo(0);
    assertThat(merged.out()).contains("Recommended: point");
    for (String f : new String[] {"runs.csv", "points.csv", "pareto.csv"}) {
      assertThat(Files.readString(dir.resolve("m").resolve(f))).isEqualTo(Files.readString(dir.resolve("whole").resolve(f)));
    }
    Run bad = run("plan", sweep.toString(), "--shard", "3/2");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("I/N");
  }

  @Test
  void withoutASweepFileItSaysWhatToGive() {
    Run r = run("plan");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give a sweep file");
  }
}
