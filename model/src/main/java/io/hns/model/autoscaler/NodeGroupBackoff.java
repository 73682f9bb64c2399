package io.hns.model.autoscaler;

import io.hns.model.port.NodeGroupException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exponential per-node-group scale-up backoff (CA {@code utils/backoff/exponential_backoff.go}): the
 * first failure backs a group off for the initial duration; a failure after the backoff expired
 * doubles the previous duration up to the maximum; a failure while still backed off restarts at the
 * initial duration (upstream's guard against concurrent failures); data older than the reset
 * timeout since the last failure is dropped.
 *
 * <p>One deliberate difference: upstream checks "backed off" as {@code until.After(now)} but
 * "expired" as {@code until.Before(now)}, so a retry landing exactly on {@code until} neither waits
 * nor doubles. Real clocks never hit that instant; a 10 s tick simulation always does. Here expired
 * is the exact complement of backed off ({@code until <= now}).
 */
final class NodeGroupBackoff {
  /** One group's backoff: until when, the current duration, the last failure and its cause. */
  record Entry(long until, long durationMs, long lastFailure, NodeGroupException.ErrorClass errorClass,
      String errorCode) {}

  private final long initialMs;
  private final long maxMs;
  private final long resetMs;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  NodeGroupBackoff(long initialMs, long maxMs, long resetMs) {
    this.initialMs = initialMs;
    this.maxMs = maxMs;
    this.resetMs = resetMs;
  }

  /** Registers a failure and returns the time until which the group is backed off. */
  long backoff(String groupId, NodeGroupException.ErrorClass errorClass, String errorCode, long now) {
    long duration = initialMs;
    Entry previous = entries.get(groupId);
    if (previous != null && previous.until() <= now) {
      duration = Math.min(2 * previous.durationMs(), maxMs);
    }
    Entry e = new Entry(now + duration, duration, now, errorClass, errorCode);
    entries.put(groupId, e);
    return e.until();
  }

  boolean isBackedOff(String groupId, long now) {
    Entry e = entries.get(groupId);
    return e != null && e.until() > now;
  }

  /** A scale-up of the group completed: forget its failures. */
  void remove(String groupId) {
    entries.remove(groupId);
  }

  /** Forgets groups whose last failure is older than the reset timeout. */
  void removeStale(long now) {
    entries.values().removeIf(e -> e.lastFailure() + resetMs < now);
  }

  Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }
}
