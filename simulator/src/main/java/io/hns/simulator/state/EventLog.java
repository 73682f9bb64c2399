package io.hns.simulator.state;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/** Every event of a run, in the order they happened, with counts by reason for the summary. */
public final class EventLog {
  private final List<ClusterEvent> events = new ArrayList<>();
  private final TreeMap<String, Integer> byReason = new TreeMap<>();
  private final List<java.util.function.Consumer<ClusterEvent>> subscribers = new ArrayList<>();

  public void record(ClusterEvent e) {
    events.add(e);
    byReason.merge(e.reason(), 1, Integer::sum);
    for (var s : subscribers) {
      s.accept(e);
    }
  }

  public void subscribe(java.util.function.Consumer<ClusterEvent> s) {
    subscribers.add(s);
  }

  public List<ClusterEvent> events() {
    return Collections.unmodifiableList(events);
  }

  public int count(String reason) {
    return byReason.getOrDefault(reason, 0);
  }

  public TreeMap<String, Integer> countsByReason() {
    return new TreeMap<>(byReason);
  }
}
