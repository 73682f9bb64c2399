package io.hns.live.guard;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The "max pods moved per minute" bound: a sliding 60 s window of evictions and deletions of pods
 * hns did not create (its own placeholders are not workloads being moved).
 */
public final class MoveBudget {
  private static final long WINDOW_MS = 60_000;

  private final int perMinute;
  private final Deque<Long> moves = new ArrayDeque<>();

  public MoveBudget(int perMinute) {
    this.perMinute = perMinute;
  }

  public synchronized boolean available(long now) {
    while (!moves.isEmpty() && moves.peekFirst() <= now - WINDOW_MS) {
      moves.removeFirst();
    }
    return moves.size() < perMinute;
  }

  public synchronized void spend(long now) {
    moves.addLast(now);
  }

  public int perMinute() {
    return perMinute;
  }
}
