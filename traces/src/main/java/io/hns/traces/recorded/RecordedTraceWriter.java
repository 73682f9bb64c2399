package io.hns.traces.recorded;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Writes a recorded trace: one JSON object per line, in the order given, each line flushed at once
 * (a recording cut short by a crash keeps every whole line). Times are written as RFC 3339 UTC text
 * with milliseconds when not zero; {@code null} values are left out. Not thread-safe: one writer per recorder
 * thread, or synchronise.
 */
public final class RecordedTraceWriter implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final Writer out;
  private final String name;

  /** A writer over {@code out} (closed with this writer); {@code name} is used in error messages. */
  public RecordedTraceWriter(Writer out, String name) {
    this.out = out;
    this.name = name;
  }

  /** Creates (or truncates) {@code file}; with {@code append}, adds to its end instead. */
  public static RecordedTraceWriter open(Path file, boolean append) {
    try {
      Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE, append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
      return new RecordedTraceWriter(w, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Writes one entry as one line and flushes. */
  public void write(RecordedEntry entry) {
    try {
      out.write(toLine(entry));
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }

  /** The JSON line of one entry (without the newline). */
  public static String toLine(RecordedEntry entry) {
    StringWriter s = new StringWriter(160);
    try (JsonGenerator g = JSON.createGenerator(s)) {
      g.writeStartObject();
      g.writeStringField("t", time(entry.timeMs()));
      g.writeStringField("type", entry.type());
      if (entry instanceof MetaEntry m) {
        g.writeNumberField("version", m.version());
        text(g, "cluster", m.cluster());
        if (m.intervalMs() != null) g.writeNumberField("interval_ms", m.intervalMs());
        text(g, "recorder", m.recorder());
      } else if (entry instanceof ReplicasEntry r) {
        text(g, "namespace", r.namespace());
        text(g, "workload", r.workload());
        g.writeNumberField("desired", r.desired());
        g.writeNumberField("ready", r.ready());
      } else if (entry instanceof PodsEntry p) {
        text(g, "namespace", p.namespace());
        text(g, "workload", p.workload());
        g.writeNumberField("running_vm", p.runningVm());
        g.writeNumberField("running_virtual", p.runningVirtual());
        g.writeNumberField("ready_vm", p.readyVm());
        g.writeNumberField("ready_virtual", p.readyVirtual());
        g.writeNumberField("pending", p.pending());
      } else if (entry instanceof NodeEntry n) {
        text(g, "name", n.name());
        text(g, "kind", n.kind() == null ? null : n.kind().id());
        text(g, "pool", n.pool());
        text(g, "vm_size", n.vmSize());
        timeField(g, "created", n.createdMs());
        timeField(g, "ready", n.readyMs());
        timeField(g, "deleted", n.deletedMs());
      } else if (entry instanceof PodEntry p) {
        text(g, "name", p.name());
        text(g, "namespace", p.namespace());
        text(g, "uid", p.uid());
        text(g, "workload", p.workload());
        text(g, "node", p.node());
        text(g, "node_kind", p.nodeKind() == null ? null : p.nodeKind().id());
        timeField(g, "created", p.createdMs());
        timeField(g, "scheduled", p.scheduledMs());
        timeField(g, "running", p.runningMs());
        timeField(g, "ready", p.readyMs());
        timeField(g, "deleted", p.deletedMs());
        text(g, "reason", p.reason());
      } else if (entry instanceof LoadEntry l) {
        text(g, "namespace", l.namespace());
        text(g, "workload", l.workload());
        text(g, "metric", l.metric());
        g.writeNumberField("value", l.value());
      } else if (entry instanceof EventEntry e) {
        text(g, "event_type", e.eventType());
        text(g, "reason", e.reason());
        text(g, "object", e.object());
        text(g, "message", e.message());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return s.toString();
  }

  private static String time(long ms) {
    return Instant.ofEpochMilli(ms).toString();
  }

  private static void text(JsonGenerator g, String key, String value) throws IOException {
    if (value != null) {
      g.writeStringField(key, value);
    }
  }

  private static void timeField(JsonGenerator g, String key, Long ms) throws IOException {
    if (ms != null) {
      g.writeStringField(key, time(ms));
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(name + ": " + e.getMessage(), e);
    }
  }
}
