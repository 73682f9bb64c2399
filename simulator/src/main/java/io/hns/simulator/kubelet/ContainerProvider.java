package io.hns.simulator.kubelet;

import io.hns.model.cluster.Pod;

/**
 * The cloud service behind a virtual node (ACI for the azure provider): creates and deletes the
 * container group of a pod.
 */
public interface ContainerProvider {
  /** Asks for the pod's container group; the result says when it runs, or why it was refused. */
  ProviderResult create(Pod pod, long now);

  void delete(Pod pod, long now);

  /** A create outcome: {@code runningAt} on success, else the cloud's error code and message. */
  record ProviderResult(boolean created, long runningAt, String code, String message) {
    public static ProviderResult runningAt(long t) {
      return new ProviderResult(true, t, "", "");
    }

    public static ProviderResult refused(String code, String message) {
      return new ProviderResult(false, -1, code, message);
    }
  }
}
