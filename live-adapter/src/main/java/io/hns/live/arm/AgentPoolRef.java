package io.hns.live.arm;

/** Which agent pool: subscription, resource group, managed cluster, pool name. */
public record AgentPoolRef(String subscriptionId, String resourceGroup, String cluster, String pool) {
  @Override
  public String toString() {
    return resourceGroup + "/" + cluster + "/" + pool;
  }
}
