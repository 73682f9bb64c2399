package io.hns.simulator.kubelet;

import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import io.hns.simulator.state.StateListener;
import java.util.HashMap;
import java.util.Map;

/**
 * virtual-kubelet with the azure-aci provider (vk node/pod.go, aci podsTracker.go). A pod bound to
 * the virtual node is created in the provider: success gives event ProviderCreateSuccess and the
 * pod turns Running and Ready at the first 5-second status poll after the container group runs;
 * a refusal leaves the pod Pending with reason ProviderFailed and a Warning ProviderCreateFailed,
 * retried with the work queue's per-item exponential backoff (5 ms doubling, at most 1000 s) up to
 * 20 times. Deletion deletes the container group at once (no grace period) and removes the pod.
 */
public final class VirtualKubelet implements StateListener {
  static final long POLL_PERIOD_MS = 5_000;
  static final long RETRY_BASE_MS = 5;
  static final long RETRY_MAX_MS = 1_000_000;
  static final int MAX_RETRIES = 20;

  private final Engine engine;
  private final ClusterState state;
  private final ContainerProvider provider;
  private final Map<String, Integer> failures = new HashMap<>();

  public VirtualKubelet(Engine engine, ClusterState state, ContainerProvider provider) {
    this.engine = engine;
    this.state = state;
    this.provider = provider;
  }

  private boolean isMine(Pod pod) {
    return pod.isAssigned() && state.kindOf(pod.nodeName()) == NodeKind.VIRTUAL;
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    if (!isMine(after)) {
      return;
    }
    if (!before.isAssigned()) {
      create(after.key());
    } else if (!before.isDeleting() && after.isDeleting()) {
      provider.delete(after, engine.now());
      failures.remove(after.key());
      state.event(ObjectRef.pod(after.namespace(), after.name()), ClusterEvent.NORMAL, "ProviderDeleteSuccess",
          "Delete pod in provider successfully");
      state.removePod(after.key());
    }
  }

  private void create(String key) {
    Pod pod = state.pod(key);
    if (pod == null || pod.isDeleting()) {
      return;
    }
    ObjectRef ref = ObjectRef.pod(pod.namespace(), pod.name());
    ContainerProvider.ProviderResult result = provider.create(pod, engine.now());
    if (result.created()) {
      failures.remove(key);
      state.event(ref, ClusterEvent.NORMAL, "ProviderCreateSuccess", "Create pod in provider successfully");
      if (!pod.reason().isEmpty()) {
        state.updatePod(pod.toBuilder().reason("").build());
      }
      engine.at(nextPoll(result.runningAt()), () -> running(key));
      return;
    }
    int n = failures.merge(key, 1, Integer::sum);
    state.updatePod(pod.toBuilder().phase(PodPhase.PENDING).reason("ProviderFailed").build());
    state.event(ref, ClusterEvent.WARNING, "ProviderCreateFailed", result.message());
    if (n <= MAX_RETRIES) {
      long backoff = Math.min(RETRY_MAX_MS, RETRY_BASE_MS << Math.min(40, n - 1));
      engine.after(backoff, () -> create(key));
    }
  }

  /** Status is synced on a 5 s poll: the first tick at or after the group runs. */
  private long nextPoll(long runningAt) {
    long t = Math.max(runningAt, engine.now());
    return ((t + POLL_PERIOD_MS - 1) / POLL_PERIOD_MS) * POLL_PERIOD_MS;
  }

  private void running(String key) {
    Pod pod = state.pod(key);
    if (pod == null || pod.isDeleting()) {
      return;
    }
    state.updatePod(pod.toBuilder().phase(PodPhase.RUNNING).startTime(engine.now())
        .ready(ConditionStatus.TRUE, engine.now()).reason("").build());
  }
}
