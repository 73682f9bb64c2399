package io.hns.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code hns trace inspect} on small fixtures written here and on the samples in traces/samples. */
class TraceInspectCommandTest {
  private static final Path SAMPLES = Path.of("..", "traces", "samples");

  @TempDir Path dir;

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Hns.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path file(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  // A request log in the Azure LLM layout (CRLF, no final newline, 7 fractional digits): 6, 0, 2 and
  // 1 requests in four clock minutes.
  private Path llm() throws IOException {
    StringBuilder b = new StringBuilder("TIMESTAMP,ContextTokens,GeneratedTokens");
    for (int i = 0; i < 6; i++) {
      b.append("\r\n2023-11-16 18:17:0").append(i).append(".9799600,100,").append(i);
    }
    b.append("\r\n2023-11-16 18:19:10.0000001,100,1\r\n2023-11-16 18:19:50.5,100,1\r\n2023-11-16 18:20:00.0,7,7");
    return file("code.csv", b.toString());
  }

  @Test
  void jsonOfARequestLog() throws IOException {
    Run r = run("trace", "inspect", llm().toString(), "--format", "request-log", "--output", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("format").asText()).isEqualTo("request-log");
    assertThat(j.path("name").asText()).isEqualTo("code");
    assertThat(j.path("kind").asText()).isEqualTo("count");
    assertThat(j.path("value_unit").asText()).isEqualTo("requests per 1m");
    assertThat(j.path("resolution_s").asDouble()).isEqualTo(60.0);
    assertThat(j.path("start").asText()).isEqualTo("2023-11-16T18:17:00Z");
    assertThat(j.path("end").asText()).isEqualTo("2023-11-16T18:21:00Z");
    assertThat(j.path("duration_s").asDouble()).isEqualTo(240.0);
    assertThat(j.path("points").asLong()).isEqualTo(4);
    JsonNode v = j.path("values");
    assertThat(v.path("min").asDouble()).isZero();
    assertThat(v.path("median").asDouble()).isEqualTo(1.5);
    assertThat(v.path("max").asDouble()).isEqualTo(6.0);
    assertThat(v.path("mean").asDouble()).isEqualTo(2.25);
    assertThat(v.path("p95").asDouble()).isCloseTo(5.4, within(1e-9));
    assertThat(j.path("rate_per_s").path("max").asDouble()).isEqualTo(0.1);
    assertThat(j.path("peak_to_median").asDouble()).isEqualTo(4.0);
    assertThat(j.path("gaps").path("count").asLong()).isZero();
    assertThat(j.path("transforms")).isEmpty();
  }

  @Test
  void transformsAndAnUndefinedPeakToMedian() throws IOException {
    Run r = run("trace", "inspect", llm().toString(), "--format", "request-log", "--resolution", "1s",
        "--weight-col", "GeneratedTokens", "--start-at", "0", "--output", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.path("unit").asText()).isEqualTo("GeneratedTokens");
    assertThat(j.path("start_ms").asLong()).isZero();
    assertThat(j.path("transforms").get(0).asText()).isEqualTo("start at 0");
    assertThat(j.path("values").path("median").asDouble()).isZero();
    assertThat(j.path("peak_to_median").isNull()).isTrue();

    Run text = run("trace", "inspect", llm().toString(), "--format", "request-log", "--resolution", "1s");
    assertThat(text.out()).contains("peak/median  undefined (the median is 0)");
  }

  @Test
  void textOfASampleWithAGap() {
    Path sample = SAMPLES.resolve("period-count.csv");
    Run r = run("trace", "inspect", sample.toString(), "--format", "rate-csv");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("values       requests per 1m (count)")
        .contains("duration     30m")
        .contains("resolution   1m")
        .contains("points       27")
        .contains("gaps         1 (3 missing intervals)")
        .contains("no points from 1998-04-30T21:42:00Z to 1998-04-30T21:45:00Z (3 missing intervals of 1m)");

    Run filled = run("trace", "inspect", sample.toString(), "--format", "rate-csv", "--gaps", "hold", "--output", "json");
    assertThat(filled.exitCode()).as(filled.err()).isZero();
    assertThat(filled.out()).contains("\"policy\" : \"hold\"").contains("\"points\" : 30");

    Run refused = run("trace", "inspect", sample.toString(), "--format", "rate-csv", "--gaps", "error");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).startsWith("hns: " + sample + ":14: gap in the trace: no points from 1998-04-30T21:42:00Z");
  }

  // Hns.handle: a TraceException is exit code 2 and one line naming the file and line.
  @Test
  void badInputExitsWithTwoNamingTheFileAndLine() throws IOException {
    Path bad = file("requests.csv", "time,rate\n2023-12-01,1\n2023-13-01,2\n");
    Run r = run("trace", "inspect", bad.toString(), "--format", "rate-csv");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("hns: " + bad + ":3: time \"2023-13-01\" is not a date");
    assertThat(r.err().lines()).hasSize(1);

    Run format = run("trace", "inspect", bad.toString(), "--format", "parquet");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("unknown trace format \"parquet\" (known: rate-csv, azure-functions, request-log, recorded)");

    Path missing = dir.resolve("missing.csv");
    Run m = run("trace", "inspect", missing.toString(), "--format", "rate-csv");
    assertThat(m.exitCode()).isEqualTo(2);
    assertThat(m.err()).isEqualTo("hns: " + missing + ": no such file" + System.lineSeparator());

    Run foreign = run("trace", "inspect", bad.toString(), "--format", "rate-csv", "--trigger", "http");
    assertThat(foreign.exitCode()).isEqualTo(2);
    assertThat(foreign.err()).contains("--trigger does not apply to format rate-csv");
  }
}
