package io.hns.traces.recorded;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hns.traces.TraceException;
import io.hns.traces.TraceInput;
import io.hns.traces.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Reads every entry of a recorded trace, one line at a time (streaming). Blank lines are skipped,
 * and so are entries of a type this version does not know (newer recorders may add types); unknown
 * keys are ignored. A malformed line, or a known type missing a required key, is a
 * {@link TraceException} naming the file and line.
 */
public final class RecordedEntryReader implements Iterator<RecordedEntry>, AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String source;
  private final BufferedReader in;
  private long line;
  private long entryLine;
  private RecordedEntry next;
  private boolean done;

  /** Opens {@code input}. */
  public RecordedEntryReader(TraceInput input) {
    this.source = input.name();
    this.in = new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public boolean hasNext() {
    while (next == null && !done) {
      String text;
      try {
        text = in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(source + ":" + (line + 1) + ": " + e.getMessage(), e);
      }
      if (text == null) {
        done = true;
        break;
      }
      line++;
      if (line == 1 && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
        text = text.substring(1);
      }
      if (!text.isBlank()) {
        next = parse(text);
        entryLine = line;
      }
    }
    return next != null;
  }

  @Override
  public RecordedEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    RecordedEntry e = next;
    next = null;
    return e;
  }

  /** The line of the entry last returned by {@link #next()} (or read ahead by {@link #hasNext()}). */
  public long line() {
    return entryLine;
  }

  /** {@code file:line} of that entry. */
  public String where() {
    return source + ":" + entryLine;
  }

  private String here() {
    return source + ":" + line;
  }

  private RecordedEntry parse(String text) {
    JsonNode n;
    try {
      n = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw TraceException.at(here(), "malformed JSON: " + e.getOriginalMessage());
    }
    if (n == null || !n.isObject()) {
      throw TraceException.at(here(), "expected one JSON object per line");
    }
    String type = requiredText(n, "type");
    long t = requiredTime(n, "t");
    return switch (type) {
      case "meta" -> new MetaEntry(t, n.has("version") ? (int) integer(n, "version") : MetaEntry.CURRENT_VERSION,
          optText(n, "cluster"), n.hasNonNull("interval_ms") ? positive(n, "interval_ms") : null, optText(n, "recorder"));
      case "replicas" -> new ReplicasEntry(t, requiredText(n, "namespace"), requiredText(n, "workload"),
          (int) integer(n, "desired"), (int) integer(n, "ready"));
      case "pods" -> new PodsEntry(t, optText(n, "namespace"), optText(n, "workload"),
          (int) optInteger(n, "running_vm"), (int) optInteger(n, "running_virtual"), (int) optInteger(n, "ready_vm"),
          (int) optInteger(n, "ready_virtual"), (int) optInteger(n, "pending"));
      case "node" -> new NodeEntry(t, requiredText(n, "name"), kind(n, "kind"), optText(n, "pool"),
          optText(n, "vm_size"), optTime(n, "created"), optTime(n, "ready"), optTime(n, "deleted"));
      case "pod" -> new PodEntry(t, requiredText(n, "name"), requiredText(n, "namespace"), optText(n, "uid"),
          optText(n, "workload"), optText(n, "node"), kind(n, "node_kind"), optTime(n, "created"),
          optTime(n, "scheduled"), optTime(n, "running"), optTime(n, "ready"), optTime(n, "deleted"),
          optText(n, "reason"));
      case "load" -> new LoadEntry(t, requiredText(n, "namespace"), requiredText(n, "workload"),
          requiredText(n, "metric"), value(n, "value"));
      case "event" -> new EventEntry(t, optText(n, "event_type"), requiredText(n, "reason"), optText(n, "object"),
          optText(n, "message"));
      default -> null; // a type from a newer recorder: skipped
    };
  }

  private String requiredText(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw TraceException.at(here(), "\"" + key + "\" is missing");
    }
    if (!v.isTextual()) {
      throw TraceException.at(here(), "\"" + key + "\" must be a string, got " + v);
    }
    return v.asText();
  }

  private String optText(JsonNode n, String key) {
    return n.hasNonNull(key) ? requiredText(n, key) : null;
  }

  private long requiredTime(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw TraceException.at(here(), "\"" + key + "\" is missing");
    }
    long ms;
    if (v.isNumber()) {
      ms = v.isIntegralNumber() ? v.asLong() : (long) Math.floor(v.asDouble());
    } else if (v.isTextual()) {
      ms = Timestamps.parseDateTime(v.asText());
    } else {
      ms = Timestamps.INVALID;
    }
    if (ms == Timestamps.INVALID) {
      throw TraceException.at(here(), "\"" + key + "\": " + v + " is not a time (RFC 3339 text or epoch milliseconds)");
    }
    return ms;
  }

  private Long optTime(JsonNode n, String key) {
    return n.hasNonNull(key) ? requiredTime(n, key) : null;
  }

  private long integer(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw TraceException.at(here(), "\"" + key + "\" is missing");
    }
    if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > Integer.MAX_VALUE) {
      throw TraceException.at(here(), "\"" + key + "\" must be a non-negative integer, got " + v);
    }
    return v.asLong();
  }

  private long optInteger(JsonNode n, String key) {
    return n.hasNonNull(key) ? integer(n, key) : 0;
  }

  private long positive(JsonNode n, String key) {
    long v = integer(n, key);
    if (v == 0) {
      throw TraceException.at(here(), "\"" + key + "\" must be positive");
    }
    return v;
  }

  private double value(JsonNode n, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      throw TraceException.at(here(), "\"" + key + "\" is missing");
    }
    if (!v.isNumber() || !Double.isFinite(v.asDouble()) || v.asDouble() < 0) {
      throw TraceException.at(here(), "\"" + key + "\" must be a non-negative number, got " + v);
    }
    return v.asDouble();
  }

  private NodeKind kind(JsonNode n, String key) {
    String s = optText(n, key);
    if (s == null) {
      return null;
    }
    try {
      return NodeKind.of(s);
    } catch (TraceException e) {
      throw TraceException.at(here(), "\"" + key + "\": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }
}
