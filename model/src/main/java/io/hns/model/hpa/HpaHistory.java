package io.hns.model.hpa;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;

/**
 * What the HPA controller remembers about one HPA between syncs: its recent unstabilized
 * recommendations (for stabilization windows) and its recent scale events (for rate policies).
 * Upstream keeps these in controller memory; here the caller owns the value and passes each
 * sync's result on to the next one.
 *
 * @param seen whether the controller has reconciled this HPA before; the first sync records the
 *     current replica count as a recommendation (recordInitialRecommendation), which holds off
 *     scale-downs for one stabilization window after a controller start
 */
public record HpaHistory(
    boolean seen,
    ImmutableList<Recommendation> recommendations,
    ImmutableList<ScaleEvent> scaleUpEvents,
    ImmutableList<ScaleEvent> scaleDownEvents) {

  /** An HPA the controller has never synced (a new HPA, or a restarted controller). */
  public static final HpaHistory NEW = new HpaHistory(false, ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  /** An HPA synced before but with nothing recorded in any window: no stabilization, no rate history. */
  public static final HpaHistory NO_RECOMMENDATIONS =
      new HpaHistory(true, ImmutableList.of(), ImmutableList.of(), ImmutableList.of());

  /** timestampedRecommendation. */
  public record Recommendation(long time, int replicas) {}

  /**
   * timestampedScaleEvent.
   *
   * @param change replicas added (scale-up events) or removed (scale-down events), positive
   * @param outdated older than the longest policy period when last checked; its slot is reused
   */
  public record ScaleEvent(long time, int change, boolean outdated) {}

  /** recordInitialRecommendation: the first sync remembers the current count. */
  public HpaHistory withInitialRecommendation(int currentReplicas, long now) {
    if (seen) {
      return this;
    }
    return new HpaHistory(true, ImmutableList.of(new Recommendation(now, currentReplicas)), scaleUpEvents, scaleDownEvents);
  }

  /**
   * Records this sync's recommendation; like upstream it takes the slot of an outdated one
   * ({@code oldIndex}, the last one found) rather than growing the list.
   */
  HpaHistory withRecommendation(int replicas, long now, int oldIndex) {
    List<Recommendation> list = new ArrayList<>(recommendations);
    Recommendation r = new Recommendation(now, replicas);
    if (oldIndex >= 0) {
      list.set(oldIndex, r);
    } else {
      list.add(r);
    }
    return new HpaHistory(true, ImmutableList.copyOf(list), scaleUpEvents, scaleDownEvents);
  }

  /**
   * storeScaleEvent, after the target was rescaled from {@code previous} to {@code next}. Without
   * behavior nothing is stored: the legacy path has no rate policies.
   */
  public HpaHistory withScaleEvent(HpaBehavior behavior, int previous, int next, long now) {
    if (behavior == null || previous == next) {
      return this;
    }
    if (next > previous) {
      return new HpaHistory(seen, recommendations,
          recordEvent(scaleUpEvents, behavior.scaleUp(), next - previous, now), scaleDownEvents);
    }
    return new HpaHistory(seen, recommendations, scaleUpEvents,
        recordEvent(scaleDownEvents, behavior.scaleDown(), previous - next, now));
  }

  /** markScaleEventsOutdated, then reuse the last outdated slot or append. */
  private static ImmutableList<ScaleEvent> recordEvent(List<ScaleEvent> events, HpaScalingRules rules, int change, long now) {
    long cutoff = now - rules.longestPolicyPeriodSeconds() * 1000L;
    List<ScaleEvent> list = new ArrayList<>(events.size() + 1);
    int oldIndex = -1;
    for (int i = 0; i < events.size(); i++) {
      ScaleEvent e = events.get(i);
      boolean outdated = e.outdated() || e.time() < cutoff;
      list.add(new ScaleEvent(e.time(), e.change(), outdated));
      if (outdated) {
        oldIndex = i;
      }
    }
    ScaleEvent fresh = new ScaleEvent(now, change, false);
    if (oldIndex >= 0) {
      list.set(oldIndex, fresh);
    } else {
      list.add(fresh);
    }
    return ImmutableList.copyOf(list);
  }

  /** getReplicasChangePerPeriod: the replicas changed by events strictly inside the last period. */
  static int replicasChangedWithin(List<ScaleEvent> events, int periodSeconds, long now) {
    long cutoff = now - periodSeconds * 1000L;
    int sum = 0;
    for (ScaleEvent e : events) {
      if (e.time() > cutoff) {
        sum += e.change();
      }
    }
    return sum;
  }
}
