package io.hns.traces;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Counts the {@link Gap}s of one pass over a trace, keeping the first few: feed it the points in
 * order ({@code cursor.forEachRemaining(counter)}). Also counts irregular steps (not a whole
 * resolution, yet too short to be a gap).
 */
public final class GapCounter implements Consumer<TracePoint> {
  private final long resolutionMs;
  private final int keep;
  private final List<Gap> first = new ArrayList<>();
  private long count;
  private long missing;
  private long irregular;
  private long previous = Long.MIN_VALUE;

  /** A counter for a trace of {@code resolutionMs} that keeps the first {@code keep} gaps. */
  public GapCounter(long resolutionMs, int keep) {
    this.resolutionMs = resolutionMs;
    this.keep = keep;
  }

  @Override
  public void accept(TracePoint p) {
    if (previous != Long.MIN_VALUE) {
      Gap g = Gap.between(previous, p.timeMs(), resolutionMs);
      if (g != null) {
        count++;
        missing += g.missingIntervals();
        if (first.size() < keep) {
          first.add(g);
        }
      } else if (p.timeMs() - previous != resolutionMs) {
        irregular++;
      }
    }
    previous = p.timeMs();
  }

  /** How many gaps. */
  public long count() {
    return count;
  }

  /** How many intervals are missing in all. */
  public long missingIntervals() {
    return missing;
  }

  /** The first gaps (at most the number kept). */
  public List<Gap> first() {
    return List.copyOf(first);
  }

  /** Steps between points that are neither one resolution nor a gap. */
  public long irregularSteps() {
    return irregular;
  }
}
