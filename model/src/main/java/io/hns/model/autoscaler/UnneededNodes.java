package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Nodes found removable, with the time since which they have been removable without a break (CA
 * {@code core/scaledown/unneeded/nodes.go}): each update keeps the since-time of nodes still
 * unneeded, starts it now for new ones and forgets the others.
 */
final class UnneededNodes {
  /** A removable node: since when, whether it holds pods to move, and its utilization then. */
  record Entry(String name, long since, List<Pod> podsToMove, NodeUtilization utilization) {
    boolean empty() {
      return podsToMove.isEmpty();
    }
  }

  /** A node the planner found removable in this loop. */
  record Removable(String name, List<Pod> podsToMove, NodeUtilization utilization) {}

  private Map<String, Entry> byName = new LinkedHashMap<>();

  void update(List<Removable> removable, long now) {
    Map<String, Entry> next = new LinkedHashMap<>();
    for (Removable r : removable) {
      Entry old = byName.get(r.name());
      long since = old != null ? old.since() : now;
      next.put(r.name(), new Entry(r.name(), since, List.copyOf(r.podsToMove()), r.utilization()));
    }
    byName = next;
  }

  void clear() {
    byName = new LinkedHashMap<>();
  }

  void drop(String name) {
    byName.remove(name);
  }

  boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Empty nodes first, then the others, each in the order they were found. */
  List<Entry> emptyFirst() {
    List<Entry> out = new ArrayList<>(byName.size());
    byName.values().stream().filter(Entry::empty).forEach(out::add);
    byName.values().stream().filter(e -> !e.empty()).forEach(out::add);
    return out;
  }

  Collection<Entry> entries() {
    return Collections.unmodifiableCollection(byName.values());
  }

  Map<String, Long> sinceTimes() {
    Map<String, Long> out = new LinkedHashMap<>();
    byName.values().forEach(e -> out.put(e.name(), e.since()));
    return out;
  }
}
