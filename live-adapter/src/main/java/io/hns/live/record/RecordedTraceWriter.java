package io.hns.live.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.model.cluster.Times;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the {@code recorded} trace: JSON Lines, one object per line, each flushed as written so
 * the file is valid up to the last line whenever the recorder stops (SIGTERM, Ctrl-C, a crash).
 *
 * <pre>
 * {"t": 1700000000000, "type": "node", "name": "aks-np-1", "kind": "vm", "pool": "np", "created": ..., "ready": ..., "deleted": null}
 * {"t": ..., "type": "pod", "namespace": "web", "name": "api-7d-x", "workload": "api", "node": "aks-np-1",
 *      "node_kind": "vm", "created": ..., "scheduled": ..., "running": ..., "ready": ..., "deleted": null}
 * {"t": ..., "type": "replicas", "namespace": "web", "workload": "api", "desired": 5, "ready": 3}
 * {"t": ..., "type": "load", "namespace": "web", "workload": "api", "cpu_millicores": 1234}
 * {"t": ..., "type": "event", "object": "Pod/web/api-7d-x", "reason": "ProviderCreateFailed", "message": "..."}
 * </pre>
 *
 * {@code t} is when the recorder saw it (epoch ms); lifecycle times are epoch ms or null while
 * unknown. A node or pod is written again whenever something about it becomes known, so its last
 * line is the fullest; readers merge lines per object keeping the latest non-null value.
 */
public final class RecordedTraceWriter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Writer out;

  public RecordedTraceWriter(Writer out) {
    this.out = out;
  }

  public static RecordedTraceWriter create(Path file) {
    try {
      return new RecordedTraceWriter(new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  public void node(long t, String name, String kind, String pool, long created, long ready, long deleted) {
    ObjectNode o = line(t, "node");
    o.put("name", name);
    o.put("kind", kind);
    o.put("pool", pool);
    time(o, "created", created);
    time(o, "ready", ready);
    time(o, "deleted", deleted);
    write(o);
  }

  public void pod(long t, PodTimes p) {
    ObjectNode o = line(t, "pod");
    o.put("namespace", p.namespace());
    o.put("name", p.name());
    o.put("workload", p.workload());
    o.put("node", p.node());
    o.put("node_kind", p.nodeKind());
    time(o, "created", p.created());
    time(o, "scheduled", p.scheduled());
    time(o, "running", p.running());
    time(o, "ready", p.ready());
    time(o, "deleted", p.deleted());
    write(o);
  }

  public void replicas(long t, String namespace, String workload, int desired, int ready) {
    ObjectNode o = line(t, "replicas");
    o.put("namespace", namespace);
    o.put("workload", workload);
    o.put("desired", desired);
    o.put("ready", ready);
    write(o);
  }

  public void load(long t, String namespace, String workload, long cpuMillicores) {
    ObjectNode o = line(t, "load");
    o.put("namespace", namespace);
    o.put("workload", workload);
    o.put("cpu_millicores", cpuMillicores);
    write(o);
  }

  public void event(long t, String object, String reason, String message) {
    ObjectNode o = line(t, "event");
    o.put("object", object);
    o.put("reason", reason);
    o.put("message", message);
    write(o);
  }

  private static ObjectNode line(long t, String type) {
    ObjectNode o = JSON.createObjectNode();
    o.put("t", t);
    o.put("type", type);
    return o;
  }

  private static void time(ObjectNode o, String field, long value) {
    if (Times.isSet(value)) {
      o.put(field, value);
    } else {
      o.putNull(field);
    }
  }

  private synchronized void write(ObjectNode o) {
    try {
      out.write(o.toString());
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the trace: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
