package io.hns.traces;

import static io.hns.traces.Inputs.points;
import static io.hns.traces.Inputs.text;
import static io.hns.traces.Inputs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateCsvReaderTest {
  private static final TraceFormat RATE_CSV = TraceFormat.named("rate-csv");

  private static Trace read(String name, String csv, ReaderOptions.Builder options) {
    return Trace.read(RATE_CSV, text(name, csv), options.build());
  }

  private static Trace read(String csv) {
    return read("rates.csv", csv, ReaderOptions.builder());
  }

  // The period,count shape reads as it is: requests per minute, no option needed.
  @Test
  void periodCountFileIsCountsPerMinute() {
    Trace t = read("wc98.csv", "period,count\n1998-04-30 21:30:00,2\n1998-04-30 21:31:00,5\n1998-04-30 21:32:00,0\n",
        ReaderOptions.builder());
    assertThat(t.info().kind()).isEqualTo(ValueKind.COUNT);
    assertThat(t.info().resolutionMs()).isEqualTo(60_000);
    assertThat(t.info().name()).isEqualTo("wc98");
    assertThat(t.info().valueUnit()).isEqualTo("requests per 1m");
    assertThat(points(t)).containsExactly(
        new TracePoint(Instant.parse("1998-04-30T21:30:00Z").toEpochMilli(), 2),
        new TracePoint(Instant.parse("1998-04-30T21:31:00Z").toEpochMilli(), 5),
        new TracePoint(Instant.parse("1998-04-30T21:32:00Z").toEpochMilli(), 0));
    assertThat(RateSeries.of(t).rateAt(Instant.parse("1998-04-30T21:31:30Z").toEpochMilli())).isEqualTo(5 / 60.0);
  }

  @Test
  void epochSecondsAndMillisecondsByMagnitudeAndRatesByDefault() {
    Trace s = read("time,rps\n1700000000,1.5\n1700000010,2.5\n");
    assertThat(s.info().kind()).isEqualTo(ValueKind.RATE);
    assertThat(s.info().resolutionMs()).isEqualTo(10_000);
    assertThat(Inputs.times(s)).containsExactly(1_700_000_000_000L, 1_700_000_010_000L);
    Trace ms = read("time,rps\n1700000000000,1\n1700000000500,2\n");
    assertThat(ms.info().resolutionMs()).isEqualTo(500);
    assertThat(Inputs.times(ms)).containsExactly(1_700_000_000_000L, 1_700_000_000_500L);
    // Relative times in seconds read as epoch seconds from 0.
    assertThat(Inputs.times(read("t,r\n0,1\n60,2\n"))).containsExactly(0L, 60_000L);
  }

  @Test
  void explicitColumnsKindFormatAndResolution() {
    String csv = "host,ts,requests,latency\na,0,600,3\na,60000,1200,4\n";
    Trace byName = read("m.csv", csv, ReaderOptions.builder().timeColumn("ts").valueColumn("requests")
        .timeFormat(TimeFormat.EPOCH_MS).valueKind(ValueKind.COUNT).resolutionMs(60_000L));
    assertThat(Inputs.times(byName)).containsExactly(0L, 60_000L);
    assertThat(values(byName)).containsExactly(600.0, 1200.0);
    assertThat(RateSeries.of(byName).rateAt(0)).isEqualTo(10.0);
    Trace byIndex = read("m.csv", csv, ReaderOptions.builder().timeColumn("1").valueColumn("3").timeFormat(TimeFormat.EPOCH_MS));
    assertThat(values(byIndex)).containsExactly(3.0, 4.0);
    assertThat(byIndex.info().kind()).isEqualTo(ValueKind.RATE);
  }

  @Test
  void quotedFieldsBlankLinesAndByteOrderMark() {
    Trace t = read("\uFEFF\"time\",\"rate, per second\"\n\"2024-01-01T00:00:00Z\",\"1.5\"\n\n2024-01-01T00:01:00Z,  2 \n");
    assertThat(values(t)).containsExactly(1.5, 2.0);
  }

  @Test
  void crlfWithoutFinalNewline() {
    Trace t = read("time,rate\r\n2024-01-01 00:00:00,1\r\n2024-01-01 00:00:01,2");
    assertThat(t.info().resolutionMs()).isEqualTo(1000);
    assertThat(values(t)).containsExactly(1.0, 2.0);
  }

  @Test
  void anEmptyValueIsAMissingIntervalAndShowsAsAGap() {
    Trace t = read("time,rate\n0,1\n60,\n120,3\n");
    assertThat(values(t)).containsExactly(1.0, 3.0);
    assertThatThrownBy(() -> RateSeries.of(t))
        .hasMessage("rates.csv:4: gap in the trace: no points from 1970-01-01T00:01:00Z to 1970-01-01T00:02:00Z"
            + " (1 missing interval of 1m); choose a gap policy (--gaps zero, hold or interpolate)");
    assertThat(values(t.gaps(GapPolicy.ZERO))).containsExactly(1.0, 0.0, 3.0);
  }

  @Test
  void malformedRowsNameTheFileAndLine() {
    assertThatThrownBy(() -> points(read("requests.csv", "time,rate\n2023-12-01,1\n2023-13-01,2\n", ReaderOptions.builder())))
        .isInstanceOf(TraceException.class)
        .hasMessageStartingWith("requests.csv:3: time \"2023-13-01\" is not a date");
    assertThatThrownBy(() -> points(read("time,rate\n0,1\n60,lots\n")))
        .hasMessage("rates.csv:3: value \"lots\" is not a number");
    assertThatThrownBy(() -> points(read("time,rate\n0,1\n60,-2\n")))
        .hasMessage("rates.csv:3: value -2 is negative");
    assertThatThrownBy(() -> points(read("time,rate\n0,1\n60\n")))
        .hasMessage("rates.csv:3: the row has 1 column, expected at least 2");
    assertThatThrownBy(() -> points(read("time,rate\n0,1\n120,1\n60,1\n")))
        .hasMessage("rates.csv:4: time \"60\" is before the previous row's (line 3); rows must be in increasing time order");
    assertThatThrownBy(() -> points(read("time,rate\n0,1\n0,1\n")))
        .hasMessageContaining("rates.csv:3: time \"0\" is the same as the previous row's (line 2)");
    assertThatThrownBy(() -> points(read("time,rate\n0,\"1\n")))
        .hasMessage("rates.csv:2: a quoted field is not closed before the end of the file");
  }

  // A bad row after the first 64 (those read ahead for the resolution) names its own line too.
  @Test
  void aBadRowFarDownNamesItsLine() {
    StringBuilder csv = new StringBuilder("time,rate\n");
    for (int i = 0; i < 1041; i++) {
      csv.append(i * 60).append(",1\n");
    }
    csv.append("62460,x\n");
    assertThatThrownBy(() -> points(read(csv.toString()))).hasMessage("rates.csv:1043: value \"x\" is not a number");
  }

  @Test
  void headerProblems() {
    assertThatThrownBy(() -> read("")).hasMessageStartingWith("rates.csv: empty file");
    assertThatThrownBy(() -> read("rates.csv", "time,rate\n0,1\n", ReaderOptions.builder().valueColumn("rps")))
        .hasMessage("rates.csv:1: no value column \"rps\" (columns: time, rate)");
    assertThatThrownBy(() -> read("rates.csv", "time,rate\n0,1\n", ReaderOptions.builder().valueColumn("5")))
        .hasMessageContaining("value column 5 is out of range: the header has 2 columns");
    assertThatThrownBy(() -> read("rates.csv", "time,rate\n0,1\n", ReaderOptions.builder().valueColumn("time")))
        .hasMessageContaining("the time and value columns are the same column");
  }

  @Test
  void unknownFormatsAndForeignOptionsAreClear() {
    assertThatThrownBy(() -> TraceFormat.named("csv"))
        .hasMessage("unknown trace format \"csv\" (known: rate-csv, azure-functions, request-log, recorded)");
    assertThatThrownBy(() -> read("r.csv", "time,rate\n0,1\n", ReaderOptions.builder().top(3)))
        .hasMessage("--top does not apply to format rate-csv (it takes --resolution, --time-col, --time-format,"
            + " --value-col, --value-kind)");
    assertThat(TraceFormat.ids()).containsExactly("rate-csv", "azure-functions", "request-log", "recorded");
  }

  @Test
  void oneRowFallsBackToOneMinute() {
    Trace t = read("time,rate\n2024-01-01T00:00:00Z,4\n");
    assertThat(t.info().resolutionMs()).isEqualTo(60_000);
    assertThat(points(t)).hasSize(1);
  }

  @Test
  void aStreamClosesTheFile() {
    Trace t = read("time,rate\n0,1\n60,2\n120,3\n");
    try (var s = t.stream()) {
      assertThat(s.map(TracePoint::value).toList()).isEqualTo(List.of(1.0, 2.0, 3.0));
    }
  }
}
