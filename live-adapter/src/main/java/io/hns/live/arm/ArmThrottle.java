package io.hns.live.arm;

/**
 * AKS's per-agent-pool write throttle as the client must respect it: a bucket of 20 requests
 * refilled at one per minute (research/azure-facts.md section 5), plus a hard stop until the time
 * a 429's {@code Retry-After} named. Time is passed in, so tests need no clock.
 */
public final class ArmThrottle {
  private final int capacity;
  private final long refillMs;
  private double tokens;
  private long lastRefill;
  private long blockedUntil = Long.MIN_VALUE;

  public ArmThrottle(int capacity, long refillMs, long now) {
    this.capacity = capacity;
    this.refillMs = refillMs;
    this.tokens = capacity;
    this.lastRefill = now;
  }

  /** AKS's numbers: 20 burst, then one per minute. */
  public static ArmThrottle aks(long now) {
    return new ArmThrottle(20, 60_000, now);
  }

  /** Takes a token if one is free and no Retry-After is in force. */
  public synchronized boolean tryAcquire(long now) {
    refill(now);
    if (now < blockedUntil || tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /** ARM said 429: nothing before {@code until}, and the bucket is evidently empty. */
  public synchronized void blockUntil(long until) {
    blockedUntil = Math.max(blockedUntil, until);
    tokens = 0;
  }

  /** The earliest time a request could go, for messages. */
  public synchronized long nextAllowed(long now) {
    refill(now);
    long byTokens = tokens >= 1 ? now : lastRefill + (long) Math.ceil((1 - tokens) * refillMs);
    return Math.max(byTokens, blockedUntil);
  }

  private void refill(long now) {
    if (now > lastRefill) {
      tokens = Math.min(capacity, tokens + (double) (now - lastRefill) / refillMs);
      lastRefill = now;
    }
  }
}
