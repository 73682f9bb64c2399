package io.hns.model.scheduler.plugins;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodAffinityTerm;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * plugins/interpodaffinity (filtering.go, scoring.go). Filter: existing pods' required
 * anti-affinity that the pod matches, the pod's required affinity (each term needs a matching pod
 * in the node's domain, unless no pod matches anywhere and the pod matches its own terms) and the
 * pod's required anti-affinity. Score: per topology domain, + weight for each existing pod matching
 * a preferred affinity term of the pod (and vice versa), − weight for anti-affinity, + 1
 * (hardPodAffinityWeight) for existing pods' required affinity the pod matches; normalized by
 * min-max. Skipped when no pod involved has affinity terms.
 */
public final class InterPodAffinity implements FilterPlugin, ScorePlugin {
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

  // ---- Filter ------------------------------------------------------------------------------

  /**
   * What Filter needs, computed once per cycle (upstream's PreFilter state): the topology domains
   * (key, value) where an existing pod's required anti-affinity matches the pod, and, for each of
   * the pod's required affinity and anti-affinity terms, the values of its topology key where some
   * pod matches the term. A node is in a domain when it carries that key with that value.
   */
  private record FilterState(
      boolean affinityMatchesNowhere,
      boolean allTermsMatchSelf,
      Map<String, Set<String>> existingAnti,
      List<Set<String>> affinityDomains,
      List<Set<String>> antiDomains) {}

  @Override
  public Object preFilter(CycleState cycle) {
    Pod pod = cycle.pod();
    boolean anyExistingAnti = cycle.snapshot().anyPodWithRequiredAntiAffinity();
    List<PodAffinityTerm> affinity = pod.spec().requiredPodAffinity();
    List<PodAffinityTerm> anti = pod.spec().requiredPodAntiAffinity();
    if (!anyExistingAnti && affinity.isEmpty() && anti.isEmpty()) {
      return null;
    }
    boolean nowhere = true;
    Map<String, Set<String>> existingAnti = new HashMap<>();
    List<Set<String>> affinityDomains = domainSets(affinity.size());
    List<Set<String>> antiDomains = domainSets(anti.size());
    for (NodeInfo n : cycle.snapshot().nodes()) {
      Node node = n.node();
      boolean existing = n.hasPodsWithRequiredAntiAffinity();
      if (!existing && affinity.isEmpty() && anti.isEmpty()) {
        continue;
      }
      for (Pod p : n.pods()) {
        if (existing) {
          for (PodAffinityTerm t : p.spec().requiredPodAntiAffinity()) {
            String v = node.labels().get(t.topologyKey());
            if (v != null && matches(t, p, pod)) {
              existingAnti.computeIfAbsent(t.topologyKey(), k -> new HashSet<>()).add(v);
            }
          }
        }
        for (int i = 0; i < affinity.size(); i++) {
          PodAffinityTerm t = affinity.get(i);
          if (matches(t, pod, p)) {
            nowhere = false;
            String v = node.labels().get(t.topologyKey());
            if (v != null) affinityDomains.get(i).add(v);
          }
        }
        for (int i = 0; i < anti.size(); i++) {
          PodAffinityTerm t = anti.get(i);
          String v = node.labels().get(t.topologyKey());
          if (v != null && matches(t, pod, p)) antiDomains.get(i).add(v);
        }
      }
    }
    boolean allSelf = true;
    for (PodAffinityTerm t : affinity) {
      allSelf &= matches(t, pod, pod);
    }
    return new FilterState(nowhere, allSelf, existingAnti, affinityDomains, antiDomains);
  }

  private static List<Set<String>> domainSets(int n) {
    List<Set<String>> out = new java.util.ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new HashSet<>());
    }
    return out;
  }

  /** Without affinity in play the filter passes every node. */
  @Override
  public boolean filterByClass(CycleState cycle, Object state) {
    return state == null;
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    if (!(state instanceof FilterState s)) {
      return null;
    }
    Pod pod = cycle.pod();
    io.hns.model.cluster.Labels labels = node.node().labels();
    for (Map.Entry<String, Set<String>> e : s.existingAnti().entrySet()) {
      String v = labels.get(e.getKey());
      if (v != null && e.getValue().contains(v)) {
        return EXISTING_ANTI;
      }
    }
    List<PodAffinityTerm> affinity = pod.spec().requiredPodAffinity();
    for (int i = 0; i < affinity.size(); i++) {
      String v = labels.get(affinity.get(i).topologyKey());
      if (v == null || !s.affinityDomains().get(i).contains(v)) {
        boolean selfAllowed = s.affinityMatchesNowhere() && s.allTermsMatchSelf() && v != null;
        if (!selfAllowed) {
          return AFFINITY;
        }
      }
    }
    List<PodAffinityTerm> anti = pod.spec().requiredPodAntiAffinity();
    for (int i = 0; i < anti.size(); i++) {
      String v = labels.get(anti.get(i).topologyKey());
      if (v != null && s.antiDomains().get(i).contains(v)) {
        return ANTI;
      }
    }
    return null;
  }

  // ---- Score -------------------------------------------------------------------------------

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    Pod pod = cycle.pod();
    boolean podHas = !pod.spec().preferredPodAffinity().isEmpty() || !pod.spec().preferredPodAntiAffinity().isEmpty();
    boolean existingHave = cycle.snapshot().anyPodWithAffinity();
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
      scores[i] = diff > 0 ? (long) (Normalize.MAX_NODE_SCORE * ((double) (scores[i] - min) / diff)) : 0;
    }
  }
}
