package io.hns.traces;

import static io.hns.traces.Inputs.points;
import static io.hns.traces.Inputs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestLogReaderTest {
  private static final TraceFormat FORMAT = TraceFormat.named("request-log");

  // The Azure LLM inference layout: CRLF line endings, no final newline, 7 fractional digits.
  private static final String LLM = String.join("\r\n",
      "TIMESTAMP,ContextTokens,GeneratedTokens",
      "2023-11-16 18:17:03.9799600,4808,10",
      "2023-11-16 18:17:04.0319600,3180,8",
      "2023-11-16 18:17:59.9999999,110,27",
      "2023-11-16 18:18:00.0000000,7433,14",
      "2023-11-16 18:20:30.1206440,100,1");

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  private static Trace read(String csv, ReaderOptions.Builder o) {
    return Trace.read(FORMAT, Inputs.text("code.csv", csv), o.build());
  }

  @Test
  void requestsAreCountedPerClockMinuteWithZerosForIdleMinutes() {
    Trace t = read(LLM, ReaderOptions.builder());
    assertThat(t.info().kind()).isEqualTo(ValueKind.COUNT);
    assertThat(t.info().resolutionMs()).isEqualTo(60_000);
    assertThat(t.info().valueUnit()).isEqualTo("requests per 1m");
    assertThat(points(t)).containsExactly(
        new TracePoint(at("2023-11-16T18:17:00Z"), 3),
        new TracePoint(at("2023-11-16T18:18:00Z"), 1),
        new TracePoint(at("2023-11-16T18:19:00Z"), 0),
        new TracePoint(at("2023-11-16T18:20:00Z"), 1));
    assertThat(RateSeries.of(t).rateAt(at("2023-11-16T18:17:30Z"))).isEqualTo(0.05);
  }

  @Test
  void otherResolutionAndWeights() {
    Trace perSecond = read(LLM, ReaderOptions.builder().resolutionMs(1000L));
    List<TracePoint> p = points(perSecond);
    assertThat(p.get(0)).isEqualTo(new TracePoint(at("2023-11-16T18:17:03Z"), 1));
    assertThat(p.get(1)).isEqualTo(new TracePoint(at("2023-11-16T18:17:04Z"), 1));
    assertThat(p.get(p.size() - 1)).isEqualTo(new TracePoint(at("2023-11-16T18:20:30Z"), 1));
    assertThat(p).hasSize(208);

    Trace tokens = read(LLM, ReaderOptions.builder().weightColumns(List.of("ContextTokens", "GeneratedTokens")));
    assertThat(tokens.info().unit()).isEqualTo("ContextTokens+GeneratedTokens");
    assertThat(values(tokens)).containsExactly(4808.0 + 10 + 3180 + 8 + 110 + 27, 7447.0, 0.0, 101.0);
    assertThat(values(read(LLM, ReaderOptions.builder().weightColumns(List.of("2"))))).containsExactly(45.0, 14.0, 0.0, 1.0);
  }

  @Test
  void equalTimesAreFineEarlierTimesAreNot() {
    assertThat(values(read("ts\n10\n10\n10\n70\n", ReaderOptions.builder()))).containsExactly(3.0, 1.0);
    assertThatThrownBy(() -> points(read(LLM + "\r\n2023-11-16 18:19:00.0000000,1,1", ReaderOptions.builder())))
        .hasMessage("code.csv:7: time \"2023-11-16 18:19:00.0000000\" is before the previous row's (line 6);"
            + " a request log must be sorted by time");
  }

  @Test
  void malformedRows() {
    assertThatThrownBy(() -> points(read(LLM + "\r\n2023-11-16 18:21:00.1,ten,1",
        ReaderOptions.builder().weightColumns(List.of("ContextTokens")))))
        .hasMessage("code.csv:7: weight \"ten\" is not a number");
    assertThatThrownBy(() -> points(read("TIMESTAMP,a\n2023-11-16 18:17:03.97,1\n2023-11-16 18:17:61,1\n", ReaderOptions.builder())))
        .hasMessageStartingWith("code.csv:3: time \"2023-11-16 18:17:61\" is not a date");
    assertThatThrownBy(() -> read(LLM, ReaderOptions.builder().weightColumns(List.of("tokens"))))
        .hasMessage("code.csv:1: no weight column \"tokens\" (columns: TIMESTAMP, ContextTokens, GeneratedTokens)");
    assertThatThrownBy(() -> read(LLM, ReaderOptions.builder().valueColumn("1")))
        .hasMessageStartingWith("--value-col does not apply to format request-log");
  }

  @Test
  void aHeaderOnlyFileHasNoPoints() {
    Trace t = read("TIMESTAMP,ContextTokens,GeneratedTokens", ReaderOptions.builder());
    assertThat(points(t)).isEmpty();
    assertThatThrownBy(() -> RateSeries.of(t)).hasMessage("code.csv: the trace has no points");
  }
}
