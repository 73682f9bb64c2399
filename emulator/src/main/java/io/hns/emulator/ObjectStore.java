package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;

/**
 * What the API serves: the objects by storage key (see {@link ResourceType#storage()}), namespace
 * and name, in etcd's key order, with one resourceVersion counter for the whole store and watches.
 * Every write gets the next resourceVersion and is offered to the matching watches; the last
 * {@value #HISTORY} changes are kept so that a watch can resume from a list's resourceVersion.
 *
 * <p>Not thread-safe: the emulator calls it under its lock. Watches hand their events to the HTTP
 * threads through queues.
 */
final class ObjectStore {
  static final int HISTORY = 5_000;
  static final int WATCH_QUEUE_LIMIT = 100_000;

  /** A watch event, with the object as stored (callers must not modify it). */
  record Event(String type, ObjectNode object, long resourceVersion) {
    static final Event CLOSED = new Event("CLOSED", null, -1);
  }

  /** One write; {@code gone} is the last state of a removed object, with the removal's resourceVersion. */
  private record Change(String storage, ObjectNode before, ObjectNode after, long rv, ObjectNode gone) {}

  /** A client's watch on one storage key: namespace (empty for all) and a filter on objects. */
  final class Watch {
    final String storage;
    final String namespace;
    final Predicate<JsonNode> filter;
    final LinkedBlockingQueue<Event> queue = new LinkedBlockingQueue<>();
    volatile boolean closed;

    Watch(String storage, String namespace, Predicate<JsonNode> filter) {
      this.storage = storage;
      this.namespace = namespace;
      this.filter = filter;
    }

    boolean matches(ObjectNode o) {
      return o != null && (namespace.isEmpty() || namespace.equals(Json.namespace(o))) && filter.test(o);
    }

    void offer(Change c) {
      boolean before = matches(c.before());
      boolean after = matches(c.after());
      Event e;
      if (before && after) e = new Event("MODIFIED", c.after(), c.rv());
      else if (after) e = new Event("ADDED", c.after(), c.rv());
      else if (before) e = new Event("DELETED", c.after() != null ? c.after() : c.gone(), c.rv());
      else return;
      if (queue.size() >= WATCH_QUEUE_LIMIT) {
        close();
        return;
      }
      queue.add(e);
    }

    void close() {
      if (!closed) {
        closed = true;
        watches.remove(this);
        queue.add(Event.CLOSED);
      }
    }
  }

  private final Map<String, TreeMap<String, ObjectNode>> objects = new HashMap<>();
  private final ArrayDeque<Change> history = new ArrayDeque<>();
  private final List<Watch> watches = new CopyOnWriteArrayList<>();
  private long resourceVersion = 1;

  long resourceVersion() {
    return resourceVersion;
  }

  private TreeMap<String, ObjectNode> of(String storage) {
    return objects.computeIfAbsent(storage, s -> new TreeMap<>());
  }

  private static String key(String namespace, String name) {
    return (namespace == null ? "" : namespace) + "/" + name;
  }

  /** The stored object (not a copy: do not modify), or null. */
  ObjectNode get(String storage, String namespace, String name) {
    return of(storage).get(key(namespace, name));
  }

  /** Objects of a storage key in one namespace (empty: all), in key order; do not modify them. */
  List<ObjectNode> list(String storage, String namespace) {
    TreeMap<String, ObjectNode> m = of(storage);
    if (namespace == null || namespace.isEmpty()) {
      return new ArrayList<>(m.values());
    }
    return new ArrayList<>(m.subMap(namespace + "/", namespace + "/\uffff").values());
  }

  Collection<String> keys(String storage) {
    return new ArrayList<>(of(storage).keySet());
  }

  /** Stores {@code o} (taken over: the caller must not keep modifying it) under the next resourceVersion. */
  ObjectNode put(String storage, ObjectNode o) {
    String k = key(Json.namespace(o), Json.name(o));
    ObjectNode before = of(storage).get(k);
    long rv = ++resourceVersion;
    Json.meta(o).put("resourceVersion", Long.toString(rv));
    of(storage).put(k, o);
    record(new Change(storage, before, o, rv, null));
    return o;
  }

  /**
   * Stores {@code o} unless it equals the stored object apart from the resourceVersion; the mirror
   * uses this so that re-rendering an unchanged object sends no watch event.
   */
  ObjectNode putIfChanged(String storage, ObjectNode o) {
    ObjectNode before = get(storage, Json.namespace(o), Json.name(o));
    if (before != null) {
      Json.meta(o).put("resourceVersion", before.path("metadata").path("resourceVersion").asText());
      if (before.equals(o)) {
        return before;
      }
    }
    return put(storage, o);
  }

  ObjectNode remove(String storage, String namespace, String name) {
    ObjectNode before = of(storage).remove(key(namespace, name));
    if (before != null) {
      long rv = ++resourceVersion;
      ObjectNode gone = before.deepCopy();
      Json.meta(gone).put("resourceVersion", Long.toString(rv));
      record(new Change(storage, before, null, rv, gone));
      return before;
    }
    return null;
  }

  private void record(Change c) {
    history.addLast(c);
    while (history.size() > HISTORY) {
      history.removeFirst();
    }
    for (Watch w : watches) {
      if (w.storage.equals(c.storage())) {
        w.offer(c);
      }
    }
  }

  /**
   * Opens a watch. {@code fromVersion} empty or "0": the current objects first, as ADDED events;
   * otherwise every change after that resourceVersion is replayed (410 Gone if it is too old).
   */
  Watch watch(String storage, String namespace, Predicate<JsonNode> filter, String fromVersion) {
    Watch w = new Watch(storage, namespace == null ? "" : namespace, filter);
    if (fromVersion == null || fromVersion.isEmpty() || fromVersion.equals("0")) {
      for (ObjectNode o : list(storage, w.namespace)) {
        if (w.matches(o)) {
          w.queue.add(new Event("ADDED", o, resourceVersion));
        }
      }
    } else {
      long from;
      try {
        from = Long.parseLong(fromVersion);
      } catch (NumberFormatException e) {
        throw ApiException.badRequest("invalid resourceVersion \"" + fromVersion + "\"");
      }
      long oldest = history.isEmpty() ? resourceVersion : history.peekFirst().rv();
      if (from + 1 < oldest) {
        throw ApiException.gone("too old resource version: " + from + " (" + (oldest - 1) + ")");
      }
      for (Change c : history) {
        if (c.rv() > from && c.storage().equals(storage)) {
          w.offer(c);
        }
      }
    }
    watches.add(w);
    return w;
  }

  void closeAll() {
    for (Watch w : watches) {
      w.close();
    }
  }
}
