package io.hns.model.scheduler.reference;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodAffinityTerm;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/interpodaffinity (filtering.go, scoring.go). Filter: existing pods' required
 * anti-affinity that the pod matches, the pod's required affinity (each term needs a matching pod
 * in the node's domain, unless no pod matches anywhere and the pod matches its own terms) and the
 * pod's required anti-affinity. Score: per topology domain, + weight for each existing pod matching
 * a preferred affinity term of the pod (and vice versa), − weight for anti-affinity, + 1
 * (hardPodAffinityWeight) for existing pods' required affinity the pod matches; normalized by
 * min-max. Skipped when no pod involved has affinity terms.
 */
public final class RefInterPodAffinity implements FilterPlugin, ScorePlugin {
  static final List<String> EXISTING_ANTI = List.of("node(s) didn't satisfy existing pods anti-affinity rules");
  static final List<String> AFFINITY = List.of("node(s) didn't match pod affinity rules");
  static final List<String> ANTI = List.of("node(s) didn't match pod anti-affinity rules");
  private static final int HARD_POD_AFFINITY_WEIGHT = 1;

  @Override
  public String name() {
    return "InterPodAffinity";
  }

  static boolean matches(PodAffinityTerm term, Pod owner, Pod candidate) {
    String ns = candidate.namespace();
    boolean nsOk = term.namespaces().isEmpty() ? ns.equals(owner.namespace()) : term.namespaces().contains(ns);
    return nsOk && term.selector().matches(candidate.labels());
  }

  private static boolean sameDomain(Node a, Node b, String key) {
    String va = a.labels().get(key);
    return va != null && va.equals(b.labels().get(key));
  }

  // ---- Filter ------------------------------------------------------------------------------

  private record FilterState(boolean affinityMatchesNowhere) {}

  @Override
  public Object preFilter(CycleState cycle) {
    Pod pod = cycle.pod();
    boolean anyExistingAnti = cycle.snapshot().nodes().stream().anyMatch(NodeInfo::hasPodsWithRequiredAntiAffinity);
    if (!anyExistingAnti && pod.spec().requiredPodAffinity().isEmpty() && pod.spec().requiredPodAntiAffinity().isEmpty()) {
      return null;
    }
    boolean nowhere = true;
    outer:
    for (NodeInfo n : cycle.snapshot().nodes()) {
      for (Pod p : n.pods()) {
        for (PodAffinityTerm t : pod.spec().requiredPodAffinity()) {
          if (matches(t, pod, p)) {
            nowhere = false;
            break outer;
          }
        }
      }
    }
    return new FilterState(nowhere);
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    if (!(state instanceof FilterState s)) {
      return null;
    }
    Pod pod = cycle.pod();
    for (NodeInfo other : cycle.snapshot().nodes()) {
      if (!other.hasPodsWithRequiredAntiAffinity()) {
        continue;
      }
      for (Pod p : other.pods()) {
        for (PodAffinityTerm t : p.spec().requiredPodAntiAffinity()) {
          if (matches(t, p, pod) && sameDomain(other.node(), node.node(), t.topologyKey())) {
            return EXISTING_ANTI;
          }
        }
      }
    }
    for (PodAffinityTerm t : pod.spec().requiredPodAffinity()) {
      if (!node.node().labels().has(t.topologyKey()) || !anyMatchInDomain(cycle, t, node)) {
        boolean selfAllowed = s.affinityMatchesNowhere() && pod.spec().requiredPodAffinity().stream()
            .allMatch(term -> matches(term, pod, pod)) && node.node().labels().has(t.topologyKey());
        if (!selfAllowed) {
          return AFFINITY;
        }
      }
    }
    for (PodAffinityTerm t : pod.spec().requiredPodAntiAffinity()) {
      if (anyMatchInDomain(cycle, t, node)) {
        return ANTI;
      }
    }
    return null;
  }

  private static boolean anyMatchInDomain(CycleState cycle, PodAffinityTerm t, NodeInfo node) {
    for (NodeInfo other : cycle.snapshot().nodes()) {
      if (!sameDomain(other.node(), node.node(), t.topologyKey())) {
        continue;
      }
      for (Pod p : other.pods()) {
        if (matches(t, cycle.pod(), p)) {
          return true;
        }
      }
    }
    return false;
  }

  // ---- Score -------------------------------------------------------------------------------

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    Pod pod = cycle.pod();
    boolean podHas = !pod.spec().preferredPodAffinity().isEmpty() || !pod.spec().preferredPodAntiAffinity().isEmpty();
    boolean existingHave = cycle.snapshot().nodes().stream().anyMatch(NodeInfo::hasPodsWithAffinity);
    if (!podHas && !existingHave) {
      return SKIP;
    }
    // topology key -> value -> score
    Map<String, Map<String, Long>> byDomain = new HashMap<>();
    for (NodeInfo n : cycle.snapshot().nodes()) {
      Node node = n.node();
      for (Pod existing : n.pods()) {
        for (PodAffinityTerm t : pod.spec().preferredPodAffinity()) {
          if (matches(t, pod, existing)) add(byDomain, node, t.topologyKey(), t.weight());
        }
        for (PodAffinityTerm t : pod.spec().preferredPodAntiAffinity()) {
          if (matches(t, pod, existing)) add(byDomain, node, t.topologyKey(), -t.weight());
        }
        if (!existing.spec().hasPodAffinity()) {
          continue;
        }
        for (PodAffinityTerm t : existing.spec().requiredPodAffinity()) {
          if (matches(t, existing, pod)) add(byDomain, node, t.topologyKey(), HARD_POD_AFFINITY_WEIGHT);
        }
        for (PodAffinityTerm t : existing.spec().preferredPodAffinity()) {
          if (matches(t, existing, pod)) add(byDomain, node, t.topologyKey(), t.weight());
        }
        for (PodAffinityTerm t : existing.spec().preferredPodAntiAffinity()) {
          if (matches(t, existing, pod)) add(byDomain, node, t.topologyKey(), -t.weight());
        }
      }
    }
    return byDomain;
  }

  private static void add(Map<String, Map<String, Long>> byDomain, Node node, String key, long w) {
    String v = node.labels().get(key);
    if (v != null && w != 0) {
      byDomain.computeIfAbsent(key, k -> new HashMap<>()).merge(v, w, Long::sum);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public long score(CycleState cycle, Object state, NodeInfo node) {
    Map<String, Map<String, Long>> byDomain = (Map<String, Map<String, Long>>) state;
    long sum = 0;
    for (Map.Entry<String, Map<String, Long>> e : byDomain.entrySet()) {
      String v = node.node().labels().get(e.getKey());
      if (v != null) {
        sum += e.getValue().getOrDefault(v, 0L);
      }
    }
    return sum;
  }

  @Override
  public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (long s : scores) {
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    long diff = max - min;
    for (int i = 0; i < scores.length; i++) {
      scores[i] = diff > 0 ? (long) (RefNormalize.MAX_NODE_SCORE * ((double) (scores[i] - min) / diff)) : 0;
    }
  }
}
