package io.hns.simulator.kubelet;

import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import io.hns.simulator.state.StateListener;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The kubelets of all VM nodes: a pod bound to a VM node pulls its images (unless the node has them:
 * a per-node image cache), starts, becomes Running, then Ready after the readiness delay. Deletion
 * stops the containers and removes the pod. Pods of a removed node are garbage-collected.
 */
public final class VmKubelet implements StateListener {
  private final Engine engine;
  private final ClusterState state;
  private final KubeletConfig config;
  private final Map<String, Set<String>> imagesByNode = new HashMap<>();

  public VmKubelet(Engine engine, ClusterState state, KubeletConfig config) {
    this.engine = engine;
    this.state = state;
    this.config = config;
  }

  @Override
  public void nodeAdded(Node node) {
    if (node.kind() == NodeKind.VM) {
      imagesByNode.put(node.name(), new HashSet<>(node.imageSizes().keySet()));
    }
  }

  @Override
  public void nodeRemoved(Node node) {
    imagesByNode.remove(node.name());
    for (Pod p : java.util.List.copyOf(state.pods())) {
      if (p.nodeName().equals(node.name())) {
        state.removePod(p.key());
      }
    }
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    if (!isMine(after)) {
      return;
    }
    if (!before.isAssigned() && after.isAssigned()) {
      engine.after(config.syncDelayMs(), () -> start(after.key()));
    } else if (!before.isDeleting() && after.isDeleting()) {
      ObjectRef ref = ObjectRef.pod(after.namespace(), after.name());
      for (ContainerRequest c : after.spec().containers()) {
        state.event(ref, ClusterEvent.NORMAL, "Killing", "Stopping container " + c.name());
      }
      engine.after(config.terminationMs(), () -> state.removePod(after.key()));
    }
  }

  @Override
  public void podAdded(Pod pod) {
    // Pods created already bound (static manifests such as the system pods of a node) start too.
    if (isMine(pod) && pod.phase() == PodPhase.PENDING) {
      engine.after(config.syncDelayMs(), () -> start(pod.key()));
    }
  }

  private boolean isMine(Pod pod) {
    return pod.isAssigned() && state.kindOf(pod.nodeName()) == NodeKind.VM;
  }

  private void start(String key) {
    Pod pod = state.pod(key);
    if (pod == null || pod.isDeleting()) {
      return;
    }
    ObjectRef ref = ObjectRef.pod(pod.namespace(), pod.name());
    Set<String> cached = imagesByNode.computeIfAbsent(pod.nodeName(), n -> new HashSet<>());
    long delay = 0;
    for (ContainerRequest c : pod.spec().containers()) {
      String image = c.image() == null ? "" : c.image();
      if (cached.contains(image) || cached.contains(normalized(image))) {
        state.event(ref, ClusterEvent.NORMAL, "Pulled",
            "Container image \"" + image + "\" already present on machine");
      } else {
        long pull = config.pullBaseMs() + config.imageBytes(image) * 1000 / config.pullBytesPerSecond();
        state.event(ref, ClusterEvent.NORMAL, "Pulling", "Pulling image \"" + image + "\"");
        delay += pull;
        long pulledAt = delay;
        cached.add(image);
        engine.after(pulledAt, () -> state.event(ref, ClusterEvent.NORMAL, "Pulled",
            "Successfully pulled image \"" + image + "\" in " + (pull / 1000.0) + "s"));
      }
    }
    engine.after(delay + config.containerStartMs(), () -> running(key));
  }

  private void running(String key) {
    Pod pod = state.pod(key);
    if (pod == null || pod.isDeleting()) {
      return;
    }
    ObjectRef ref = ObjectRef.pod(pod.namespace(), pod.name());
    for (ContainerRequest c : pod.spec().containers()) {
      state.event(ref, ClusterEvent.NORMAL, "Created", "Created container " + c.name());
      state.event(ref, ClusterEvent.NORMAL, "Started", "Started container " + c.name());
    }
    state.updatePod(pod.toBuilder().phase(PodPhase.RUNNING).startTime(engine.now())
        .ready(ConditionStatus.FALSE, engine.now()).build());
    engine.after(config.readinessDelayMs(), () -> {
      Pod p = state.pod(key);
      if (p != null && !p.isDeleting() && p.phase() == PodPhase.RUNNING) {
        state.updatePod(p.toBuilder().ready(ConditionStatus.TRUE, engine.now()).build());
      }
    });
  }

  private static String normalized(String image) {
    String withTag = image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
    return withTag.contains("/") ? withTag : "docker.io/library/" + withTag;
  }
}
