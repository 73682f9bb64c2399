package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns replay}: a rate trace drives the scenario's workload from t=0 for the trace's span. */
class ReplayCommandTest {
  static final String DIR = "src/test/resources/replay/";
  @TempDir Path dir;

  private int run(StringWriter err, String... args) {
    CommandLine cl = Hns.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private String[] replay(Path out) {
    return new String[] {"replay", "--trace", DIR + "rate.csv", "--format", "rate-csv", "--value-kind", "rate",
        "--scenario", DIR + "scenario.yaml", "--out", out.toString(), "--quiet"};
  }

  @Test
  void theTraceBecomesTheLoadColumnAndSetsTheDuration() throws Exception {
    assertThat(run(new StringWriter(), replay(dir.resolve("a")))).isEqualTo(0);
    List<String> timeline = Files.readAllLines(dir.resolve("a/timeline.csv"));
    // 8 five-minute points: the run lasts 40 minutes, sampled every 10 s (241 rows + header).
    assertThat(timeline).hasSize(242);
    assertThat(timeline.get(1)).startsWith("0,100,");
    assertThat(timeline.get(1 + 60)).startsWith("600,900,");
    assertThat(timeline.get(1 + 180)).startsWith("1800,100,");
  }

  @Test
  void replayIsDeterministic() throws Exception {
    assertThat(run(new StringWriter(), replay(dir.resolve("a")))).isEqualTo(0);
    assertThat(run(new StringWriter(), replay(dir.resolve("b")))).isEqualTo(0);
    for (String f : new String[] {"timeline.csv", "pods.csv", "events.jsonl"}) {
      assertThat(Files.readString(dir.resolve("a").resolve(f))).isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
    }
  }

  @Test
  void aTraceWithABadRowNamesTheLine() throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "time,rps\n2024-01-01 00:00:00,1\n2024-13-01 00:05:00,2\n");
    StringWriter err = new StringWriter();
    int code = run(err, "replay", "--trace", bad.toString(), "--format", "rate-csv", "--scenario", DIR + "scenario.yaml",
        "--out", dir.resolve("c").toString(), "--quiet");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("bad.csv:3");
  }
}
