package io.hns.live.arm;

/** What ARM says about an agent pool. */
public record AgentPoolState(String name, int count, boolean autoscaling, int minCount, int maxCount, String vmSize,
    String provisioningState) {}
