package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns simulate}: the default run, its files and its errors. */
class SimulateCommandTest {
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

  @Test
  void defaultRunIsTheSeedExperimentAndWritesEveryOutput() throws Exception {
    Run r = run("simulate", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(0);
    // kubectl-like tables before each scale and at the end, then the summary.
    assertThat(r.out()).contains("before scaling nginx-vn to 20", "before scaling nginx-vn to 2", "end of run",
        "virtual-node-aci-linux", "Summary of seed");
    for (String f : new String[] {"timeline.csv", "pods.csv", "nodes.csv", "events.jsonl", "summary.json"}) {
      assertThat(dir.resolve(f)).exists();
    }
    assertThat(Files.readAllLines(dir.resolve("pods.csv")).get(0))
        .isEqualTo("pod,namespace,workload,created_s,scheduled_s,node,node_kind,running_s,ready_s,deleted_s,final_phase,reason");
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertThat(summary.path("scenario").asText()).isEqualTo("seed");
    assertThat(summary.path("pod_start_latency_s").path("virtual").path("count").asInt()).isEqualTo(18);
  }

  @Test
  void reportFlagWritesOneSelfContainedPage() throws Exception {
    Run without = run("simulate", "--out", dir.resolve("plain").toString(), "--quiet");
    assertThat(without.code()).isEqualTo(0);
    assertThat(dir.resolve("plain").resolve("report.html")).doesNotExist();

    Run r = run("simulate", "--out", dir.resolve("r").toString(), "--quiet", "--report");
    assertThat(r.code()).isEqualTo(0);
    String html = Files.readString(dir.resolve("r").resolve("report.html"));
    assertThat(html).contains("<title>hns report: seed</title>", "var uPlot", "\"id\":\"replicas\"",
        "\"id\":\"pod-start-latency\"").doesNotContainPattern("(?i)<script[^>]+src=");
  }

  @Test
  void jsonOutputPrintsTheSummaryOnly() throws Exception {
    Run r = run("simulate", "--out", dir.toString(), "--output", "json");
    assertThat(r.code()).isEqualTo(0);
    JsonNode summary = new ObjectMapper().readTree(r.out());
    assertThat(summary.path("cost").path("total_usd").asDouble()).isPositive();
  }

  @Test
  void badScenarioIsExitCodeTwoWithTheKey() throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "duration: 1m\ncluster:\n  nodePools:\n    - {name: p, count: 5, maxCount: 2}\n");
    Run r = run("simulate", bad.toString(), "--out", dir.resolve("o").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("bad.yaml", "cluster.nodePools[0].count").doesNotContain("Exception", "\tat ");
  }

  @Test
  void unknownPolicyIsExitCodeTwo() {
    Run r = run("simulate", "--policy", "cheapest", "--out", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("unknown policy \"cheapest\"", "burst-backfill");
  }
}
