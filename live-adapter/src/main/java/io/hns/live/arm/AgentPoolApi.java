package io.hns.live.arm;

import java.util.List;

/**
 * The few agent-pool operations hns needs from Azure Resource Manager, behind an interface so that
 * tests use a fake or a loopback server and a Kubernetes-only policy never touches Azure.
 * Each call is one ARM request (a resize returns once ARM accepted it, without waiting for nodes).
 */
public interface AgentPoolApi {
  AgentPoolState get() throws AgentPoolApiException;

  /** Sets the node count; refused (IllegalStateException, no request) while the pool autoscales. */
  void setCount(int count) throws AgentPoolApiException;

  /** Moves the pool's cluster-autoscaler bounds (the only way to resize an autoscaling pool). */
  void setAutoscalerBounds(int minCount, int maxCount) throws AgentPoolApiException;

  /** Deletes these machines (node names) and lowers the count by as many. */
  void deleteMachines(List<String> machineNames) throws AgentPoolApiException;
}
