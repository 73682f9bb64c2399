package io.hns.model.port;

import io.hns.model.cluster.Pod;

/** What a controller or policy may do to a cluster. Every action names its reason for the event log. */
public interface ClusterActions {
  /** Sets {@code spec.replicas} through the scale subresource. */
  void scale(String namespace, String kind, String name, int replicas, String reason);

  void createPod(Pod pod, String reason);

  void deletePod(String namespace, String name, String reason);

  /**
   * Evicts through the Eviction API; false when a PodDisruptionBudget refuses for now (HTTP 429),
   * which is a retry later, not a failure.
   */
  boolean evictPod(String namespace, String name, String reason);

  /** Adds ({@code add}) or removes a taint on a node, as CA's ToBeDeletedByClusterAutoscaler. */
  void taintNode(String nodeName, io.hns.model.cluster.Taint taint, boolean add);

  /** Records a Kubernetes event on an object ({@code kind/namespace/name}). */
  void event(String objectRef, String type, String reason, String message);
}
