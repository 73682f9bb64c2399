package io.hns.live.guard;

import io.hns.live.Decision;
import io.hns.live.Decision.Outcome;
import io.hns.live.DecisionSink;
import io.hns.live.LiveActions;
import io.hns.live.config.Bounds;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.Placeholders;
import io.hns.model.port.ClusterView;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * What a policy's actions go through in the live loop, one instance per reconcile: every call
 * becomes a {@link Decision}; in any mode but {@link Mode#ACTING} it is only reported (dry run,
 * not leader, guard stopped). When acting, the bounds come first (namespaces, pods moved per
 * minute, node taints), then the API call, then an expectation for the guard that the effect
 * shows up in the informers. A failed call is reported and counted, never thrown into the policy:
 * a policy written for the simulator does not expect Kubernetes exceptions.
 */
public final class GatedActions implements LiveActions {
  private final LiveActions cluster;
  private final Mode mode;
  private final ClusterView view;
  private final Bounds bounds;
  private final MoveBudget moves;
  private final ExpectationGuard guard;
  private final DecisionSink sink;
  private final String policy;

  public GatedActions(LiveActions cluster, Mode mode, ClusterView view, Bounds bounds, MoveBudget moves,
      ExpectationGuard guard, DecisionSink sink, String policy) {
    this.cluster = cluster;
    this.mode = mode;
    this.view = view;
    this.bounds = bounds;
    this.moves = moves;
    this.guard = guard;
    this.sink = sink;
    this.policy = policy;
  }

  @Override
  public void scale(String namespace, String kind, String name, int replicas, String reason) {
    Decision d = decision("scale", kind + "/" + namespace + "/" + name, "to " + replicas, reason);
    carry(d, namespace, false, () -> {
      cluster.scale(namespace, kind, name, replicas, reason);
      return true;
    }, kind + " " + namespace + "/" + name + " at " + replicas + " replicas",
        v -> v.workloads().stream().anyMatch(w -> w.kind().equals(kind) && w.namespace().equals(namespace)
            && w.name().equals(name) && w.replicas() == replicas));
  }

  @Override
  public void createPod(Pod pod, String reason) {
    String detail = pod.spec().requests().milliCpu() + "m cpu, " + pod.spec().requests().memory() / (1024 * 1024) + "Mi"
        + (pod.spec().priority() < 0 ? ", priority " + pod.spec().priority() : "");
    Decision d = decision("create-pod", "pod/" + pod.namespace() + "/" + pod.name(), detail, reason);
    carry(d, pod.namespace(), false, () -> {
      cluster.createPod(pod, reason);
      return true;
    }, "pod " + pod.key() + " to exist", v -> v.pods().stream().anyMatch(p -> p.key().equals(pod.key())));
  }

  @Override
  public void deletePod(String namespace, String name, String reason) {
    Decision d = decision("delete-pod", "pod/" + namespace + "/" + name, "", reason);
    carry(d, namespace, !isPlaceholder(namespace, name), () -> {
      cluster.deletePod(namespace, name, reason);
      return true;
    }, "pod " + namespace + "/" + name + " to be deleted", goneOrDeleting(namespace, name));
  }

  @Override
  public boolean evictPod(String namespace, String name, String reason) {
    Decision d = decision("evict-pod", "pod/" + namespace + "/" + name, "", reason);
    return carry(d, namespace, !isPlaceholder(namespace, name), () -> cluster.evictPod(namespace, name, reason),
        "pod " + namespace + "/" + name + " to be evicted", goneOrDeleting(namespace, name));
  }

  @Override
  public void taintNode(String nodeName, Taint taint, boolean add) {
    Decision d = decision(add ? "taint-node" : "untaint-node", "node/" + nodeName, taint.toString(), "");
    if (mode == Mode.ACTING && !bounds.allowNodeTaints()) {
      sink.accept(d.withOutcome(Outcome.REFUSED, "node taints are off (bounds.allowNodeTaints)"));
      return;
    }
    carry(d, null, false, () -> {
      cluster.taintNode(nodeName, taint, add);
      return true;
    }, "node " + nodeName + (add ? " tainted " : " untainted ") + taint,
        v -> v.nodes().stream().anyMatch(n -> n.name().equals(nodeName) && n.taints().contains(taint) == add));
  }

  @Override
  public void event(String objectRef, String type, String reason, String message) {
    // Events are the policy's own narration: reported like decisions, sent only when acting, and a
    // failure to record one does not count against the guard.
    Decision d = decision("event", objectRef, type + " " + reason, message);
    if (mode != Mode.ACTING) {
      sink.accept(d.withOutcome(mode.withheld(), null));
      return;
    }
    try {
      cluster.event(objectRef, type, reason, message);
      sink.accept(d.withOutcome(Outcome.APPLIED, null));
    } catch (RuntimeException e) {
      sink.accept(d.withOutcome(Outcome.FAILED, e.getMessage()));
    }
  }

  @Override
  public void patchPodTemplate(Workload workload, PodSpec rewritten, String reason) {
    String target = workload.kind() + "/" + workload.namespace() + "/" + workload.name();
    Decision d = decision("patch-template", target,
        io.hns.live.kube.TemplatePatch.between(workload.template(), rewritten).toString(), reason);
    carry(d, workload.namespace(), false, () -> {
      cluster.patchPodTemplate(workload, rewritten, reason);
      return true;
    }, target + " with the rewritten pod template", v -> v.workloads().stream().anyMatch(w ->
        w.kind().equals(workload.kind()) && w.namespace().equals(workload.namespace()) && w.name().equals(workload.name())
            && w.template().tolerations().equals(rewritten.tolerations())
            && w.template().nodeSelector().equals(rewritten.nodeSelector())
            && w.template().preferredAffinity().equals(rewritten.preferredAffinity())
            && w.template().spreadConstraints().equals(rewritten.spreadConstraints())));
  }

  @Override
  public void setPodDeletionCost(String namespace, String pod, int cost, String reason) {
    Decision d = decision("deletion-cost", "pod/" + namespace + "/" + pod, Integer.toString(cost), reason);
    carry(d, namespace, false, () -> {
      cluster.setPodDeletionCost(namespace, pod, cost, reason);
      return true;
    }, "pod " + namespace + "/" + pod + " with deletion cost " + cost, v -> v.pods().stream().anyMatch(p ->
        p.namespace().equals(namespace) && p.name().equals(pod)
            && Objects.equals(p.annotations().get(DELETION_COST), Integer.toString(cost))));
  }

  /**
   * Carries a decision out if the mode and bounds allow; true when the cluster accepted it.
   *
   * @param namespace the object's namespace, null for cluster-scoped objects
   * @param movesPod whether it evicts or deletes a pod hns did not create (the per-minute bound)
   */
  private boolean carry(Decision d, String namespace, boolean movesPod, BooleanSupplier call, String expected,
      Predicate<ClusterView> effect) {
    if (mode != Mode.ACTING) {
      sink.accept(d.withOutcome(mode.withheld(), null));
      return false;
    }
    if (namespace != null && !bounds.namespaceAllowed(namespace)) {
      sink.accept(d.withOutcome(Outcome.REFUSED, "namespace " + namespace + " is not allowed"));
      return false;
    }
    if (movesPod && !moves.available(view.now())) {
      sink.accept(d.withOutcome(Outcome.REFUSED, "already moved " + moves.perMinute() + " pods in the last minute"));
      return false;
    }
    boolean accepted;
    try {
      accepted = call.getAsBoolean();
    } catch (RuntimeException e) {
      guard.recordError(d.action() + " " + d.target() + ": " + e.getMessage());
      sink.accept(d.withOutcome(Outcome.FAILED, e.getMessage()));
      return false;
    }
    guard.recordSuccess();
    if (!accepted) {
      sink.accept(d.withOutcome(Outcome.DEFERRED, "the cluster said not now (a disruption budget); retried later"));
      return false;
    }
    if (movesPod) {
      moves.spend(view.now());
    }
    guard.expect(expected, view.now(), effect);
    sink.accept(d.withOutcome(Outcome.APPLIED, null));
    return true;
  }

  private Decision decision(String action, String target, String detail, String reason) {
    return new Decision(view.now(), policy, action, target, detail, reason, Outcome.DRY_RUN);
  }

  /** hns's own placeholder (label {@value Placeholders#LABEL}): deleting it moves no workload. */
  private boolean isPlaceholder(String namespace, String name) {
    return view.pods().stream().anyMatch(p -> p.namespace().equals(namespace) && p.name().equals(name)
        && Placeholders.isPlaceholder(p));
  }

  private static Predicate<ClusterView> goneOrDeleting(String namespace, String name) {
    return v -> v.pods().stream().noneMatch(p -> p.namespace().equals(namespace) && p.name().equals(name) && !p.isDeleting());
  }
}
