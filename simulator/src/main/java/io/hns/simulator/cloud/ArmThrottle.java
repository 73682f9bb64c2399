package io.hns.simulator.cloud;

import io.hns.model.port.NodeGroupException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AKS resource-provider throttling of PUT AgentPools: a token bucket per agent pool. azure-aks-docs
 * {@code quotas-skus-regions.md} (V): "AKS uses the token bucket throttling algorithm"; PUT,
 * "20 requests", "1 request / 1 minute", resource "AgentPools"; "If a request is throttled, the error
 * code will show up as {@code Throttled} and will be returned with a {@code 429} HTTP Response Code
 * ... Each throttled request will have a {@code Retry-After} in the HTTP response header with the
 * amount of seconds to wait".
 *
 * <p>Refill is exact in integer milliseconds: a bucket below capacity gains one token each full
 * refill interval after the last refill; a full bucket does not bank time, so the first token taken
 * from a full bucket comes back one interval later. Retry-After is the whole seconds until the next
 * token, rounded up.
 *
 * <p>Where it applies: the agent-pool PUT is how a manual {@code az aks nodepool scale} or the live
 * adapter changes a pool's count. The cluster autoscaler on AKS resizes the VMSS through the compute
 * API instead (kubernetes/autoscaler {@code azure_scale_set.go}), so a simulated CA path may run
 * without a throttle. The message text is ours; the docs give only the code and the header.
 */
public final class ArmThrottle {
  public static final String CODE = "Throttled";

  /** Bucket size for PUT AgentPools: 20 requests (AKS doc, V). */
  public static final int AGENT_POOL_PUT_BUCKET = 20;

  /** Refill for PUT AgentPools: 1 request per minute (AKS doc, V). */
  public static final long AGENT_POOL_PUT_REFILL_MS = 60_000;

  private static final Pattern RETRY_AFTER = Pattern.compile("Retry-After: (\\d+)");

  private final int bucketSize;
  private final long refillIntervalMs;
  private final Map<String, Bucket> buckets = new HashMap<>();

  private static final class Bucket {
    long tokens;
    long lastRefill;

    Bucket(long tokens, long lastRefill) {
      this.tokens = tokens;
      this.lastRefill = lastRefill;
    }
  }

  public ArmThrottle(int bucketSize, long refillIntervalMs) {
    if (bucketSize <= 0 || refillIntervalMs <= 0) {
      throw new IllegalArgumentException(
          "bucket size and refill interval must be positive: " + bucketSize + ", " + refillIntervalMs);
    }
    this.bucketSize = bucketSize;
    this.refillIntervalMs = refillIntervalMs;
  }

  /** The AKS PUT AgentPools limits: 20 requests, 1 per minute. */
  public static ArmThrottle aksAgentPoolPut() {
    return new ArmThrottle(AGENT_POOL_PUT_BUCKET, AGENT_POOL_PUT_REFILL_MS);
  }

  public int bucketSize() {
    return bucketSize;
  }

  public long refillIntervalMs() {
    return refillIntervalMs;
  }

  private Bucket refill(String key, long now) {
    Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(bucketSize, now));
    if (now < b.lastRefill) {
      throw new IllegalArgumentException("time went backwards for " + key + ": " + now + " < " + b.lastRefill);
    }
    if (b.tokens >= bucketSize) {
      b.lastRefill = now;
      return b;
    }
    long intervals = (now - b.lastRefill) / refillIntervalMs;
    if (intervals > 0) {
      b.tokens = Math.min(bucketSize, b.tokens + intervals);
      b.lastRefill = b.tokens >= bucketSize ? now : b.lastRefill + intervals * refillIntervalMs;
    }
    return b;
  }

  /** Tokens left for {@code key} at {@code now}. */
  public long availableTokens(String key, long now) {
    return refill(key, now).tokens;
  }

  /** Milliseconds until {@code key} has a token; 0 when it has one now. */
  public long millisUntilToken(String key, long now) {
    Bucket b = refill(key, now);
    return b.tokens > 0 ? 0 : b.lastRefill + refillIntervalMs - now;
  }

  /** The Retry-After a refused request would get now, in whole seconds rounded up; 0 when allowed. */
  public long retryAfterSeconds(String key, long now) {
    return (millisUntilToken(key, now) + 999) / 1000;
  }

  /** Takes a token if there is one; true when the request may go ahead. */
  public boolean tryAcquire(String key, long now) {
    Bucket b = refill(key, now);
    if (b.tokens <= 0) {
      return false;
    }
    b.tokens--;
    return true;
  }

  /**
   * Takes a token or throws {@code Throttled} (error class {@code OTHER}) whose message ends with
   * {@code Retry-After: <seconds>}; see {@link #retryAfterSeconds(NodeGroupException)}.
   */
  public void acquire(String key, long now) throws NodeGroupException {
    if (!tryAcquire(key, now)) {
      long s = retryAfterSeconds(key, now);
      throw new NodeGroupException(NodeGroupException.ErrorClass.OTHER, CODE,
          "(Throttled) PUT request for agent pool '" + key + "' throttled: bucket of " + bucketSize
              + " requests refilled at 1 request / " + (refillIntervalMs / 1000) + " s is empty. HTTP 429, Retry-After: "
              + s);
    }
  }

  /** The Retry-After seconds carried by a {@code Throttled} refusal, or -1 when it has none. */
  public static long retryAfterSeconds(NodeGroupException e) {
    Matcher m = RETRY_AFTER.matcher(String.valueOf(e.getMessage()));
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }
}
