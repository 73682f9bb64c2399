package io.hns.traces;

import static io.hns.traces.Inputs.points;
import static io.hns.traces.Inputs.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AzureFunctionsReaderTest {
  private static final TraceFormat FORMAT = TraceFormat.named("azure-functions");

  /** The dataset's layout with {@code minutes} minute columns; each row: app, function, trigger, then counts. */
  private static Inputs.Counted file(int minutes, String... rows) {
    StringBuilder b = new StringBuilder("HashOwner,HashApp,HashFunction,Trigger");
    for (int m = 1; m <= minutes; m++) {
      b.append(',').append(m);
    }
    b.append('\n');
    for (String r : rows) {
      b.append("owner0,").append(r).append('\n');
    }
    return Inputs.text("invocations.csv", b.toString());
  }

  private static final String[] ROWS = {
    "aaa111,f1,http,1,2,3",
    "aaa111,f2,timer,10,0,0",
    "bbb222,f3,http,0,0,100",
    "ccc333,f4,queue,5,5,5",
  };

  private static Trace read(Inputs.Counted in, ReaderOptions.Builder o) {
    return Trace.read(FORMAT, in, o.build());
  }

  @Test
  void allRowsAreSummedPerMinute() {
    Trace t = read(file(3, ROWS), ReaderOptions.builder());
    assertThat(t.info().kind()).isEqualTo(ValueKind.COUNT);
    assertThat(t.info().resolutionMs()).isEqualTo(60_000);
    assertThat(t.info().unit()).isEqualTo("invocations");
    assertThat(points(t)).containsExactly(new TracePoint(0, 16), new TracePoint(60_000, 7), new TracePoint(120_000, 108));
  }

  @Test
  void selectionByTriggerAppAndFunction() {
    assertThat(values(read(file(3, ROWS), ReaderOptions.builder().triggers(List.of("HTTP")))))
        .containsExactly(1.0, 2.0, 103.0);
    assertThat(values(read(file(3, ROWS), ReaderOptions.builder().apps(List.of("aaa")))))
        .containsExactly(11.0, 2.0, 3.0);
    assertThat(values(read(file(3, ROWS), ReaderOptions.builder().apps(List.of("aaa")).triggers(List.of("http")))))
        .containsExactly(1.0, 2.0, 3.0);
    assertThat(values(read(file(3, ROWS), ReaderOptions.builder().functions(List.of("f2", "f4")))))
        .containsExactly(15.0, 5.0, 5.0);
    assertThat(Inputs.times(read(file(3, ROWS), ReaderOptions.builder().dayStartMs(86_400_000L))))
        .containsExactly(86_400_000L, 86_460_000L, 86_520_000L);
  }

  // Top N needs a ranking pass, then a summing pass: each pass over the trace opens the file for its
  // header, then twice more (rank, sum); rows are never held in memory.
  @Test
  void topNRanksInAFirstPass() {
    Inputs.Counted in = file(3, ROWS);
    Trace t = read(in, ReaderOptions.builder().top(2));
    assertThat(in.opens.get()).isEqualTo(1);
    assertThat(values(t)).containsExactly(5.0, 5.0, 105.0); // f3 (100) and f4 (15)
    assertThat(in.opens.get()).isEqualTo(1 + 3);
    assertThat(values(read(file(3, ROWS), ReaderOptions.builder().top(1).triggers(List.of("http")))))
        .containsExactly(0.0, 0.0, 100.0);
    // Totals: f1 6, f2 10, f3 100, f4 15; the top 3 leave f1 out.
    assertThat(values(read(file(3, ROWS), ReaderOptions.builder().top(3)))).containsExactly(15.0, 5.0, 105.0);
  }

  @Test
  void theFullDayLayout() {
    StringBuilder row = new StringBuilder("app,fn,http");
    for (int m = 0; m < 1440; m++) {
      row.append(',').append(m % 7);
    }
    Trace t = read(file(1440, row.toString()), ReaderOptions.builder());
    List<TracePoint> p = points(t);
    assertThat(p).hasSize(1440);
    assertThat(p.get(1439)).isEqualTo(new TracePoint(1439 * 60_000L, 1439 % 7));
  }

  @Test
  void badInputNamesTheLine() {
    assertThatThrownBy(() -> read(Inputs.text("x.csv", "time,rate\n0,1\n"), ReaderOptions.builder()))
        .hasMessageStartingWith("x.csv:1: not the Azure Functions layout: expected the header HashOwner,HashApp,");
    assertThatThrownBy(() -> points(read(file(3, "a,f,http,1,2,3", "a,g,http,1,2"), ReaderOptions.builder())))
        .hasMessage("invocations.csv:3: the row has 6 columns, the header 7");
    assertThatThrownBy(() -> points(read(file(3, "a,f,http,1,2,3", "a,g,http,1,two,3"), ReaderOptions.builder())))
        .hasMessage("invocations.csv:3: minute 2 count \"two\" is not a number");
    assertThatThrownBy(() -> points(read(file(3, ROWS), ReaderOptions.builder().triggers(List.of("cosmos")))))
        .hasMessage("invocations.csv: no row matches the selection (trigger cosmos)");
    assertThatThrownBy(() -> ReaderOptions.builder().top(0)).hasMessage("top must be positive, got 0");
  }
}
