package io.hns.traces;

import static io.hns.traces.Inputs.points;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.traces.recorded.EventEntry;
import io.hns.traces.recorded.LoadEntry;
import io.hns.traces.recorded.MetaEntry;
import io.hns.traces.recorded.NodeEntry;
import io.hns.traces.recorded.NodeKind;
import io.hns.traces.recorded.PodEntry;
import io.hns.traces.recorded.PodsEntry;
import io.hns.traces.recorded.RecordedEntry;
import io.hns.traces.recorded.RecordedEntryReader;
import io.hns.traces.recorded.RecordedLifecycles;
import io.hns.traces.recorded.RecordedTraceWriter;
import io.hns.traces.recorded.ReplicasEntry;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedTraceTest {
  private static final long T0 = Instant.parse("2025-06-02T09:00:00Z").toEpochMilli();

  @TempDir Path dir;

  private static List<RecordedEntry> sample() {
    return List.of(
        new MetaEntry(T0, 1, "aks-demo", 10_000L, "test"),
        new NodeEntry(T0, "aks-pool1-0", NodeKind.VM, "pool1", "Standard_DS2_v2", T0 - 60_000, T0 - 1_000, null),
        new LoadEntry(T0, "shop", "web", LoadEntry.RPS, 20),
        new LoadEntry(T0, "shop", "web", LoadEntry.CPU_MILLICORES, 180),
        new ReplicasEntry(T0, "shop", "web", 2, 2),
        new PodsEntry(T0, "shop", "web", 2, 0, 2, 0, 0),
        new PodEntry(T0 + 5_000, "web-1", "shop", null, "web", null, null, T0 + 5_000, null, null, null, null, null),
        new LoadEntry(T0 + 10_000, "shop", "web", LoadEntry.RPS, 120.5),
        new PodEntry(T0 + 12_000, "web-1", "shop", null, null, "virtual-node-aci-linux", NodeKind.VIRTUAL, null,
            T0 + 6_000, T0 + 40_000, T0 + 41_000, null, null),
        new EventEntry(T0 + 12_000, "Warning", "ProviderCreateFailed", "Pod/shop/web-2", "quota \"exceeded\""),
        new LoadEntry(T0 + 20_000, "shop", "web", LoadEntry.RPS, 40),
        new PodEntry(T0 + 90_000, "web-1", "shop", null, null, null, null, null, null, null, null, T0 + 90_000, null));
  }

  private Path write(List<RecordedEntry> entries) {
    Path file = dir.resolve("rec.jsonl");
    try (RecordedTraceWriter w = RecordedTraceWriter.open(file, false)) {
      entries.forEach(w::write);
    }
    return file;
  }

  @Test
  void writtenEntriesReadBackEqual() {
    Path file = write(sample());
    List<RecordedEntry> back = new ArrayList<>();
    try (RecordedEntryReader r = new RecordedEntryReader(TraceInput.of(file))) {
      r.forEachRemaining(back::add);
    }
    assertThat(back).isEqualTo(sample());
  }

  @Test
  void theLineFormat() {
    assertThat(RecordedTraceWriter.toLine(new LoadEntry(T0 + 250, "shop", "web", "rps", 12.5)))
        .isEqualTo("{\"t\":\"2025-06-02T09:00:00.250Z\",\"type\":\"load\",\"namespace\":\"shop\",\"workload\":\"web\","
            + "\"metric\":\"rps\",\"value\":12.5}");
    assertThat(RecordedTraceWriter.toLine(new PodEntry(T0, "p", "ns", null, null, "n1", NodeKind.VM, T0, null, null,
        null, null, null)))
        .isEqualTo("{\"t\":\"2025-06-02T09:00:00Z\",\"type\":\"pod\",\"name\":\"p\",\"namespace\":\"ns\",\"node\":\"n1\","
            + "\"node_kind\":\"vm\",\"created\":\"2025-06-02T09:00:00Z\"}");
  }

  // Each line is flushed as it is written: a reader sees it before the writer is closed.
  @Test
  void eachLineIsFlushed() throws IOException {
    Path file = dir.resolve("live.jsonl");
    try (RecordedTraceWriter w = RecordedTraceWriter.open(file, false)) {
      w.write(new MetaEntry(T0, 1, null, null, null));
      assertThat(Files.readAllLines(file)).hasSize(1);
      w.write(new LoadEntry(T0, "a", "b", "rps", 1));
      assertThat(Files.readAllLines(file)).hasSize(2);
    }
    StringWriter s = new StringWriter();
    try (RecordedTraceWriter w = new RecordedTraceWriter(s, "mem")) {
      w.write(new ReplicasEntry(T0, "a", "b", 3, 1));
      assertThat(s.toString()).endsWith("\"desired\":3,\"ready\":1}\n");
    }
  }

  @Test
  void theLoadSeriesOfOneWorkloadAndMetric() {
    Path file = write(sample());
    Trace rps = Trace.read(TraceFormat.RECORDED, TraceInput.of(file), ReaderOptions.DEFAULTS);
    assertThat(rps.info().kind()).isEqualTo(ValueKind.RATE);
    assertThat(rps.info().resolutionMs()).isEqualTo(10_000);
    assertThat(rps.info().valueUnit()).isEqualTo("requests/s");
    assertThat(points(rps)).containsExactly(new TracePoint(T0, 20), new TracePoint(T0 + 10_000, 120.5),
        new TracePoint(T0 + 20_000, 40));
    Trace cpu = Trace.read(TraceFormat.RECORDED, TraceInput.of(file),
        ReaderOptions.builder().metric("cpu_millicores").workload("shop/web").build());
    assertThat(points(cpu)).containsExactly(new TracePoint(T0, 180));
    assertThatThrownBy(() -> Trace.read(TraceFormat.RECORDED, TraceInput.of(file),
        ReaderOptions.builder().metric("memory").build()))
        .hasMessage("unknown load metric \"memory\" (known: rps, cpu_millicores)");
  }

  @Test
  void lifecyclesAreMergedPerPodAndNode() {
    RecordedLifecycles l = RecordedLifecycles.read(TraceInput.of(write(sample())));
    assertThat(l.nodes()).hasSize(1);
    assertThat(l.pods()).containsExactly(new PodEntry(T0 + 90_000, "web-1", "shop", null, "web",
        "virtual-node-aci-linux", NodeKind.VIRTUAL, T0 + 5_000, T0 + 6_000, T0 + 40_000, T0 + 41_000, T0 + 90_000, null));
  }

  @Test
  void hoursOfTextAndEpochMillisecondsAndUnknownTypes() {
    String text = """
        {"t":"2025-06-02T09:00:00Z","type":"load","namespace":"a","workload":"w","metric":"rps","value":1}

        {"t":1748854810000,"type":"load","namespace":"a","workload":"w","metric":"rps","value":2}
        {"t":"2025-06-02T11:00:20+02:00","type":"hpa","desired":3}
        {"t":"2025-06-02T09:00:20Z","type":"load","namespace":"a","workload":"w","metric":"rps","value":3,"extra":true}
        """;
    Trace t = Trace.read(TraceFormat.RECORDED, Inputs.text("r.jsonl", text), ReaderOptions.DEFAULTS);
    assertThat(Inputs.times(t)).containsExactly(T0, T0 + 10_000, T0 + 20_000);
  }

  @Test
  void badLinesNameTheLine() {
    String load = "{\"t\":\"2025-06-02T09:00:00Z\",\"type\":\"load\",\"namespace\":\"a\",\"workload\":\"w\",\"metric\":\"rps\",\"value\":1}\n";
    assertThatThrownBy(() -> points(Trace.read(TraceFormat.RECORDED, Inputs.text("r.jsonl", load + "{\"t\": 5, \"type\":\n"),
        ReaderOptions.DEFAULTS)))
        .hasMessageStartingWith("r.jsonl:2: malformed JSON: ");
    assertThatThrownBy(() -> points(Trace.read(TraceFormat.RECORDED,
        Inputs.text("r.jsonl", load + "{\"t\":\"yesterday\",\"type\":\"load\"}\n"), ReaderOptions.DEFAULTS)))
        .hasMessage("r.jsonl:2: \"t\": \"yesterday\" is not a time (RFC 3339 text or epoch milliseconds)");
    assertThatThrownBy(() -> points(Trace.read(TraceFormat.RECORDED,
        Inputs.text("r.jsonl", load + load.replace("\"value\":1", "\"value\":-1")), ReaderOptions.DEFAULTS)))
        .hasMessage("r.jsonl:2: \"value\" must be a non-negative number, got -1");
    assertThatThrownBy(() -> points(Trace.read(TraceFormat.RECORDED, Inputs.text("r.jsonl", load + load), ReaderOptions.DEFAULTS)))
        .hasMessageStartingWith("r.jsonl:2: load sample at 2025-06-02T09:00:00Z is at the same time as the previous one (line 1)");
    assertThatThrownBy(() -> points(Trace.read(TraceFormat.RECORDED,
        Inputs.text("r.jsonl", load + load.replace("\"w\"", "\"v\"").replace("09:00:00", "09:00:10")), ReaderOptions.DEFAULTS)))
        .hasMessage("r.jsonl:2: load of a/v, but line 1 has the load of a/w; choose one workload (workload option)");
    assertThatThrownBy(() -> RecordedLifecycles.read(Inputs.text("r.jsonl", "{\"t\":0,\"type\":\"node\",\"kind\":\"vm\"}")))
        .hasMessage("r.jsonl:1: \"name\" is missing");
    assertThatThrownBy(() -> RecordedLifecycles.read(Inputs.text("r.jsonl", "{\"t\":0,\"type\":\"node\",\"name\":\"n\",\"kind\":\"spot\"}")))
        .hasMessage("r.jsonl:1: \"kind\": unknown node kind \"spot\" (known: vm, virtual)");
  }
}
