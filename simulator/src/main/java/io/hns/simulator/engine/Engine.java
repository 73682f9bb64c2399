package io.hns.simulator.engine;

import java.util.PriorityQueue;

/**
 * The discrete-event engine of one run: an integer-millisecond clock and a queue of events ordered
 * by (time, priority, sequence). The sequence number makes equal-time, equal-priority events run in
 * the order they were scheduled, so a run is a pure function of its inputs and seed. No static
 * state: parallel runs use separate engines.
 */
public final class Engine {
  /** Lower runs first at equal time: state changes before the controllers that observe them. */
  public static final int PRIORITY_STATE = 0;
  public static final int PRIORITY_CONTROLLER = 10;
  public static final int PRIORITY_OBSERVER = 20;

  private final PriorityQueue<Event> queue = new PriorityQueue<>();
  private long now;
  private long sequence;
  private long processed;

  private record Event(long time, int priority, long sequence, Runnable action) implements Comparable<Event> {
    @Override
    public int compareTo(Event o) {
      int c = Long.compare(time, o.time);
      if (c != 0) return c;
      c = Integer.compare(priority, o.priority);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  public long now() {
    return now;
  }

  public long eventsProcessed() {
    return processed;
  }

  public int pending() {
    return queue.size();
  }

  /** Schedules {@code action} at absolute time {@code time} (never before now). */
  public void at(long time, int priority, Runnable action) {
    if (time < now) {
      throw new IllegalArgumentException("cannot schedule at " + time + " ms, before now (" + now + " ms)");
    }
    queue.add(new Event(time, priority, sequence++, action));
  }

  public void at(long time, Runnable action) {
    at(time, PRIORITY_STATE, action);
  }

  public void after(long delay, Runnable action) {
    at(now + delay, PRIORITY_STATE, action);
  }

  public void after(long delay, int priority, Runnable action) {
    at(now + delay, priority, action);
  }

  /** Runs {@code action} every {@code period} ms from {@code start}, until the engine stops. */
  public void every(long start, long period, int priority, Runnable action) {
    if (period <= 0) {
      throw new IllegalArgumentException("period must be positive: " + period);
    }
    at(start, priority, new Runnable() {
      @Override
      public void run() {
        action.run();
        at(now + period, priority, this);
      }
    });
  }

  /** Runs the next event; false when none is left. */
  public boolean step() {
    Event e = queue.poll();
    if (e == null) {
      return false;
    }
    now = e.time;
    processed++;
    e.action.run();
    return true;
  }

  /** Runs every event at or before {@code time}, then sets the clock to {@code time}. */
  public void runUntil(long time) {
    while (!queue.isEmpty() && queue.peek().time <= time) {
      step();
    }
    if (time > now) {
      now = time;
    }
  }

  /** The time of the next event, or -1 when none. */
  public long nextEventTime() {
    Event e = queue.peek();
    return e == null ? -1 : e.time;
  }
}
