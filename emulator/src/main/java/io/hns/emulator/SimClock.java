package io.hns.emulator;

import io.hns.model.cluster.Times;

/**
 * Simulated time against the wall clock: simulated milliseconds run at {@code speed} times real
 * time from the emulator's start. Timestamps shown to clients are wall-clock instants
 * ({@code start + simulated / speed}), so that the ages kubectl computes with its own clock agree
 * with the server's; at speed 1 they are the simulated times themselves (docs/decisions/0003).
 */
final class SimClock {
  private final long wallStartMs;
  private final long startNanos;
  private final double speed;

  SimClock(double speed) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("--speed must be a positive number, got " + speed);
    }
    this.speed = speed;
    this.wallStartMs = System.currentTimeMillis();
    this.startNanos = System.nanoTime();
  }

  double speed() {
    return speed;
  }

  /** Simulated milliseconds since the start, now. */
  long simNow() {
    return (long) ((System.nanoTime() - startNanos) / 1e6 * speed);
  }

  /** Real milliseconds until the simulated time {@code simMs} (negative when past). */
  long realDelayUntil(long simMs) {
    return (long) Math.ceil((simMs - simNow()) / speed);
  }

  /** The wall-clock instant (epoch ms) shown for the simulated time {@code simMs}. */
  long epoch(long simMs) {
    return wallStartMs + Math.round((simMs == Times.UNSET ? 0 : simMs) / speed);
  }

  long wallNow() {
    return System.currentTimeMillis();
  }
}
