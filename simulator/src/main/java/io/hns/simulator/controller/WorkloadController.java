package io.hns.simulator.controller;

import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.PlacementPolicy;
import io.hns.model.replicaset.ReplicaSetScaleDown;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import io.hns.simulator.state.StateListener;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Deployment and ReplicaSet controllers. A Deployment owns one ReplicaSet per pod template
 * (named {@code <deployment>-<pod-template-hash>}); a template change moves all replicas to the new
 * ReplicaSet at once (a simplification of RollingUpdate). A ReplicaSet sync creates missing pods and
 * deletes surplus ones in {@code ActivePodsWithRanks} order, at most 500 per sync
 * (pkg/controller/replicaset/replica_set.go manageReplicas). The placement policy rewrites pod
 * templates as an admission webhook would.
 */
public final class WorkloadController implements StateListener {
  private static final String TEMPLATE_HASH_LABEL = "pod-template-hash";

  private final Engine engine;
  private final ClusterState state;
  private final NameGenerator names;
  private final PlacementPolicy policy;
  private final Set<String> dirty = new LinkedHashSet<>();
  private boolean syncScheduled;

  public WorkloadController(Engine engine, ClusterState state, NameGenerator names, PlacementPolicy policy) {
    this.engine = engine;
    this.state = state;
    this.names = names;
    this.policy = policy;
  }

  /** {@code kubectl apply} of a Deployment or ReplicaSet. */
  public void apply(Workload manifest) {
    Workload w = new Workload(manifest.kind(), manifest.namespace(), manifest.name(),
        manifest.uid().isEmpty() ? names.uid() : manifest.uid(), manifest.replicas(), manifest.selector(),
        manifest.templateLabels(), manifest.templateAnnotations(), policy.apply(manifest.template(), manifest.templateLabels()), manifest.owner());
    if (w.kind().equals("ReplicaSet")) {
      Workload existing = state.replicaSet(w.namespace(), w.name());
      state.putWorkload(existing == null ? w : new Workload(w.kind(), w.namespace(), w.name(), existing.uid(),
          w.replicas(), w.selector(), w.templateLabels(), w.templateAnnotations(), w.template(), w.owner()));
      markDirty(w.namespace(), w.name());
      return;
    }
    Workload existing = state.deployment(w.namespace(), w.name());
    Workload deployment = existing == null ? w : new Workload(w.kind(), w.namespace(), w.name(), existing.uid(),
        w.replicas(), w.selector(), w.templateLabels(), w.templateAnnotations(), w.template(), null);
    state.putWorkload(deployment);
    reconcileDeployment(deployment);
  }

  /** {@code kubectl scale}: sets spec.replicas of a Deployment (or a standalone ReplicaSet). */
  public void scale(String namespace, String name, int replicas) {
    Workload d = state.deployment(namespace, name);
    if (d != null) {
      Workload scaled = d.withReplicas(replicas);
      state.putWorkload(scaled);
      reconcileDeployment(scaled);
      return;
    }
    Workload rs = state.replicaSet(namespace, name);
    if (rs == null) {
      throw new IllegalArgumentException("no Deployment or ReplicaSet " + namespace + "/" + name);
    }
    state.putWorkload(rs.withReplicas(replicas));
    markDirty(namespace, name);
  }

  /** {@code kubectl delete}: the workload, its ReplicaSets and (by garbage collection) their pods. */
  public void delete(String kind, String namespace, String name) {
    List<Workload> replicaSets = new ArrayList<>();
    if (kind.equals("Deployment")) {
      Workload d = state.removeWorkload("Deployment", namespace, name);
      if (d == null) {
        throw new IllegalArgumentException("no Deployment " + namespace + "/" + name);
      }
      for (Workload rs : List.copyOf(state.replicaSets())) {
        if (rs.owner() != null && rs.owner().uid().equals(d.uid())) {
          replicaSets.add(rs);
        }
      }
    } else {
      Workload rs = state.replicaSet(namespace, name);
      if (rs == null) {
        throw new IllegalArgumentException("no ReplicaSet " + namespace + "/" + name);
      }
      replicaSets.add(rs);
    }
    for (Workload rs : replicaSets) {
      state.removeWorkload("ReplicaSet", rs.namespace(), rs.name());
      for (Pod p : ownedPods(rs)) {
        PodLifecycle.delete(state, p);
      }
    }
  }

  private void reconcileDeployment(Workload d) {
    PodSpec template = d.template();
    String hash = NameGenerator.templateHash(template.toString() + d.templateLabels());
    String rsName = d.name() + "-" + hash;
    for (Workload rs : List.copyOf(state.replicaSets())) {
      if (rs.owner() != null && rs.owner().uid().equals(d.uid()) && !rs.name().equals(rsName) && rs.replicas() != 0) {
        scaleEvent(d, rs, 0);
        state.putWorkload(rs.withReplicas(0));
        markDirty(rs.namespace(), rs.name());
      }
    }
    Workload current = state.replicaSet(d.namespace(), rsName);
    if (current == null) {
      Labels labels = d.templateLabels().with(TEMPLATE_HASH_LABEL, hash);
      List<LabelRequirement> exprs = new ArrayList<>(d.selector().expressions());
      Map<String, String> match = new java.util.LinkedHashMap<>(d.selector().matchLabels());
      match.put(TEMPLATE_HASH_LABEL, hash);
      current = new Workload("ReplicaSet", d.namespace(), rsName, names.uid(), 0, LabelSelector.of(match, exprs),
          labels, d.templateAnnotations(), template, d.asOwner());
    }
    if (current.replicas() != d.replicas()) {
      scaleEvent(d, current, d.replicas());
      current = current.withReplicas(d.replicas());
    }
    state.putWorkload(current);
    markDirty(current.namespace(), current.name());
  }

  private void scaleEvent(Workload d, Workload rs, int to) {
    String verb = to > rs.replicas() ? "up" : "down";
    state.event(new ObjectRef("Deployment", d.namespace(), d.name()), ClusterEvent.NORMAL, "ScalingReplicaSet",
        "Scaled " + verb + " replica set " + rs.name() + " from " + rs.replicas() + " to " + to);
  }

  @Override
  public void podRemoved(Pod pod) {
    if (pod.owner() != null && pod.owner().kind().equals("ReplicaSet")) {
      markDirty(pod.namespace(), pod.owner().name());
    }
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    if (!before.isDeleting() && after.isDeleting() && after.owner() != null) {
      markDirty(after.namespace(), after.owner().name());
    }
  }

  private void markDirty(String namespace, String rsName) {
    dirty.add(namespace + "/" + rsName);
    if (!syncScheduled) {
      syncScheduled = true;
      engine.after(0, Engine.PRIORITY_CONTROLLER, this::syncDirty);
    }
  }

  private void syncDirty() {
    syncScheduled = false;
    List<String> keys = List.copyOf(dirty);
    dirty.clear();
    for (String key : keys) {
      int slash = key.indexOf('/');
      Workload rs = state.replicaSet(key.substring(0, slash), key.substring(slash + 1));
      if (rs != null) {
        syncReplicaSet(rs);
      }
    }
  }

  private void syncReplicaSet(Workload rs) {
    List<Pod> active = ownedPods(rs).stream().filter(Pod::isActive).toList();
    int diff = active.size() - rs.replicas();
    ObjectRef ref = new ObjectRef("ReplicaSet", rs.namespace(), rs.name());
    if (diff < 0) {
      int create = Math.min(-diff, ReplicaSetScaleDown.BURST_REPLICAS);
      for (int i = 0; i < create; i++) {
        Pod pod = newPod(rs);
        state.addPod(pod);
        state.event(ref, ClusterEvent.NORMAL, "SuccessfulCreate", "Created pod: " + pod.name());
      }
    } else if (diff > 0) {
      List<Pod> related = relatedActivePods(rs);
      for (Pod p : ReplicaSetScaleDown.podsToDelete(active, related, diff, engine.now())) {
        PodLifecycle.delete(state, p);
        state.event(ref, ClusterEvent.NORMAL, "SuccessfulDelete", "Deleted pod: " + p.name());
      }
    }
  }

  /**
   * A new pod of the ReplicaSet, named {@code <rs>-<5 random characters>} (generateName). A name
   * still taken is drawn again, as the API server retries a generated name that exists.
   */
  private Pod newPod(Workload rs) {
    String name = rs.name() + "-" + names.suffix(5);
    while (state.pod(rs.namespace() + "/" + name) != null) {
      name = rs.name() + "-" + names.suffix(5);
    }
    return Pod.builder(rs.namespace(), name, rs.template())
        .uid(names.uid())
        .labels(rs.templateLabels())
        .annotations(rs.templateAnnotations())
        .owner(rs.asOwner())
        .creationTime(engine.now())
        .build();
  }

  /** The ReplicaSet's pods in creation order (the state's owner index; a copy). */
  private List<Pod> ownedPods(Workload rs) {
    return new ArrayList<>(state.podsOwnedBy(rs.uid()));
  }

  /** getIndirectlyRelatedPods: active pods of every ReplicaSet of the same Deployment. */
  private List<Pod> relatedActivePods(Workload rs) {
    if (rs.owner() == null) {
      return ownedPods(rs).stream().filter(Pod::isActive).toList();
    }
    Set<String> siblings = new java.util.HashSet<>();
    for (Workload other : state.replicaSets()) {
      if (other.owner() != null && other.owner().uid().equals(rs.owner().uid())) {
        siblings.add(other.uid());
      }
    }
    if (siblings.size() == 1 && siblings.contains(rs.uid())) {
      return ownedPods(rs).stream().filter(Pod::isActive).toList();
    }
    // Several ReplicaSets (a template change): their pods interleaved in creation order.
    List<Pod> out = new ArrayList<>();
    for (Pod p : state.pods()) {
      if (p.isActive() && p.owner() != null && siblings.contains(p.owner().uid())) {
        out.add(p);
      }
    }
    return out;
  }

  /** The pods a workload selects, for reports: Deployment name of a pod's ReplicaSet. */
  public String workloadOf(Pod pod) {
    OwnerRef owner = pod.owner();
    if (owner == null) {
      return "";
    }
    Workload rs = state.replicaSet(pod.namespace(), owner.name());
    if (rs != null && rs.owner() != null) {
      return rs.owner().name();
    }
    return owner.name();
  }
}
