package io.hns.model.autoscaler;

import io.hns.model.cluster.Times;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A read-only picture of the autoscaler's state after its last loop, in the spirit of CA's
 * {@code cluster-autoscaler-status} ConfigMap. Times are epoch ms, {@link Times#UNSET} when never.
 *
 * @param unneededSince nodes currently found removable and since when, in discovery order
 * @param backoff node groups with backoff data (possibly expired, until the 3 h reset)
 * @param upcomingNodes per group, nodes requested and not yet Ready
 * @param drainingNode the node being drained, or null
 * @param scaleDownInCooldown whether the last loop was within a scale-down delay
 */
public record AutoscalerStatus(
    long lastRun,
    long lastScaleUp,
    long lastScaleDownDelete,
    long lastScaleDownFailure,
    Map<String, Long> unneededSince,
    Map<String, Backoff> backoff,
    Map<String, Integer> upcomingNodes,
    String drainingNode,
    long drainStartedAt,
    boolean scaleDownInCooldown) {

  /** A group's backoff: until when, the current duration, the last failure and its cause. */
  public record Backoff(long until, long durationMs, long lastFailure, String errorClass, String errorCode) {}

  public AutoscalerStatus {
    unneededSince = Collections.unmodifiableMap(new LinkedHashMap<>(unneededSince));
    backoff = Collections.unmodifiableMap(new LinkedHashMap<>(backoff));
    upcomingNodes = Collections.unmodifiableMap(new LinkedHashMap<>(upcomingNodes));
  }

  /** Whether the group may not be scaled up at {@code time}. */
  public boolean isBackedOff(String groupId, long time) {
    Backoff b = backoff.get(groupId);
    return b != null && b.until() > time;
  }

  /** Until when the group is backed off, or {@link Times#UNSET} without backoff data. */
  public long backoffUntil(String groupId) {
    Backoff b = backoff.get(groupId);
    return b == null ? Times.UNSET : b.until();
  }
}
