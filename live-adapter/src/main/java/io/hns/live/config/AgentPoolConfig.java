package io.hns.live.config;

import java.time.Duration;

/**
 * One AKS agent pool the live loop may resize through Azure Resource Manager.
 *
 * @param minCount lowest size a policy may ask for (null: the pool's autoscaler minimum, else 0)
 * @param maxCount highest size a policy may ask for (null: the pool's autoscaler maximum, else 1000)
 * @param coalesceWindow decisions within this window collapse into one PUT (the last target wins)
 */
public record AgentPoolConfig(
    String subscriptionId, String resourceGroup, String cluster, String pool, Integer minCount, Integer maxCount,
    Duration coalesceWindow) {}
