package io.hns.traces;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.traces.recorded.RecordedLifecycles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sample traces in traces/samples read as traces/samples/README.md says (Maven runs tests in traces/). */
class SamplesTest {
  private static TraceInput sample(String name) {
    Path p = Path.of("samples", name);
    assertThat(p).exists();
    return TraceInput.of(p);
  }

  private static TraceSummary summary(TraceFormat format, String name, ReaderOptions options) {
    return TraceSummary.of(Trace.read(format, sample(name), options), 5);
  }

  @Test
  void diurnalFlashCrowd() {
    TraceSummary s = summary(TraceFormat.RATE_CSV, "diurnal-flash-crowd.csv", ReaderOptions.DEFAULTS);
    assertThat(s.points()).isEqualTo(1440);
    assertThat(s.info().kind()).isEqualTo(ValueKind.RATE);
    assertThat(s.durationMs()).isEqualTo(86_400_000L);
    assertThat(s.gaps().count()).isZero();
    assertThat(s.rates().max()).isGreaterThan(300);
    assertThat(s.peakToMedian().getAsDouble()).isGreaterThan(5);
  }

  @Test
  void steps() {
    Trace t = Trace.read(TraceFormat.RATE_CSV, sample("steps.csv"), ReaderOptions.DEFAULTS);
    RateSeries s = RateSeries.of(t);
    assertThat(s.startMs()).isZero();
    assertThat(s.durationMs()).isEqualTo(7_200_000L);
    assertThat(s.rateAt(30 * 60_000)).isEqualTo(60.0);
  }

  @Test
  void periodCountHasAGap() {
    TraceSummary s = summary(TraceFormat.RATE_CSV, "period-count.csv", ReaderOptions.DEFAULTS);
    assertThat(s.info().kind()).isEqualTo(ValueKind.COUNT);
    assertThat(s.gaps().count()).isEqualTo(1);
    assertThat(s.gaps().missingIntervals()).isEqualTo(3);
  }

  @Test
  void azureFunctionsDay() {
    TraceSummary all = summary(TraceFormat.AZURE_FUNCTIONS, "azure-functions-day.csv", ReaderOptions.DEFAULTS);
    assertThat(all.points()).isEqualTo(1440);
    TraceSummary http = summary(TraceFormat.AZURE_FUNCTIONS, "azure-functions-day.csv",
        ReaderOptions.builder().triggers(List.of("http")).top(1).build());
    assertThat(http.values().max()).isLessThan(all.values().max());
  }

  @Test
  void llmRequests() {
    TraceSummary s = summary(TraceFormat.REQUEST_LOG, "llm-requests.csv", ReaderOptions.DEFAULTS);
    assertThat(s.points()).isEqualTo(6);
    assertThat(s.values().min()).isZero();
    assertThat(s.gaps().count()).isZero();
  }

  @Test
  void recorded() {
    TraceSummary s = summary(TraceFormat.RECORDED, "recorded.jsonl", ReaderOptions.DEFAULTS);
    assertThat(s.points()).isEqualTo(30);
    assertThat(s.info().resolutionMs()).isEqualTo(10_000);
    assertThat(s.values().max()).isEqualTo(120.0);
    RecordedLifecycles l = RecordedLifecycles.read(sample("recorded.jsonl"));
    assertThat(l.nodes()).hasSize(3);
    assertThat(l.pods()).hasSize(3);
    assertThat(l.pods().get(0).deletedMs()).isNotNull();
    assertThat(l.pods().get(1).readyMs()).isNotNull();
  }
}
