package io.hns.model.scheduler.reference;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import io.hns.model.scheduler.reference.RefSpreadConstraints.Constraint;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/podtopologyspread (filtering.go, scoring.go). Filter: for each DoNotSchedule constraint,
 * skew = pods matching in the node's domain + self − the minimum over domains must not exceed
 * maxSkew. Score: per node, Σ over soft constraints of count·log(domains + 2) + maxSkew − 1 (the
 * hostname count is the node's own), normalized as 100·(max + min − s)/max. With system default
 * constraints, nodes lacking a topology label are still scored on the keys they have; with
 * explicit constraints they are ignored and score 0. Nodes count toward domains only when they
 * match the pod's required node affinity (NodeInclusionPolicy Honor; taints Ignore).
 */
public final class RefPodTopologySpread implements FilterPlugin, ScorePlugin {
  static final List<String> MISSING_LABEL =
      List.of("node(s) didn't match pod topology spread constraints (missing required label)");
  static final List<String> SKEW = List.of("node(s) didn't match pod topology spread constraints");

  @Override
  public String name() {
    return "PodTopologySpread";
  }

  // ---- Filter ------------------------------------------------------------------------------

  private record FilterState(List<Constraint> constraints, List<Map<String, Integer>> counts, long[] minMatch) {}

  @Override
  public Object preFilter(CycleState cycle) {
    Pod pod = cycle.pod();
    List<Constraint> hard = RefSpreadConstraints.of(pod, false);
    if (hard.isEmpty()) {
      return null;
    }
    List<Map<String, Integer>> counts = new java.util.ArrayList<>();
    for (int i = 0; i < hard.size(); i++) {
      counts.add(new HashMap<>());
    }
    for (NodeInfo n : cycle.snapshot().nodes()) {
      Node node = n.node();
      if (!RefNodeAffinity.requiredMatches(pod.spec(), node) || !RefSpreadConstraints.hasAllKeys(node, hard)) {
        continue;
      }
      for (int i = 0; i < hard.size(); i++) {
        Constraint c = hard.get(i);
        counts.get(i).merge(node.labels().get(c.topologyKey()), c.countOn(n, pod.namespace()), Integer::sum);
      }
    }
    long[] min = new long[hard.size()];
    for (int i = 0; i < hard.size(); i++) {
      min[i] = counts.get(i).values().stream().mapToLong(Integer::longValue).min().orElse(0);
    }
    return new FilterState(hard, counts, min);
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    if (!(state instanceof FilterState s)) {
      return null;
    }
    for (int i = 0; i < s.constraints().size(); i++) {
      Constraint c = s.constraints().get(i);
      String value = node.node().labels().get(c.topologyKey());
      if (value == null) {
        return MISSING_LABEL;
      }
      int self = c.matchesSelf(cycle.pod()) ? 1 : 0;
      long skew = s.counts().get(i).getOrDefault(value, 0) + self - s.minMatch()[i];
      if (skew > c.maxSkew()) {
        return SKEW;
      }
    }
    return null;
  }

  // ---- Score -------------------------------------------------------------------------------

  private record ScoreState(
      List<Constraint> constraints, Set<String> ignored, List<Map<String, Long>> counts, double[] weights) {}

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    Pod pod = cycle.pod();
    if (cycle.snapshot().size() == 0) {
      return SKIP;
    }
    List<Constraint> soft = RefSpreadConstraints.of(pod, true);
    if (soft.isEmpty()) {
      return SKIP;
    }
    // Only explicit constraints require every topology key (scoring.go requireAllTopologies).
    boolean requireAll = !pod.spec().spreadConstraints().isEmpty();
    Set<String> ignored = new HashSet<>();
    List<Map<String, Long>> counts = new java.util.ArrayList<>();
    int[] domains = new int[soft.size()];
    for (int i = 0; i < soft.size(); i++) {
      counts.add(new HashMap<>());
    }
    for (NodeInfo n : feasible) {
      if (requireAll && !RefSpreadConstraints.hasAllKeys(n.node(), soft)) {
        ignored.add(n.name());
        continue;
      }
      for (int i = 0; i < soft.size(); i++) {
        Constraint c = soft.get(i);
        if (c.topologyKey().equals(Node.HOSTNAME_LABEL)) {
          continue;
        }
        String value = valueOrEmpty(n.node(), c.topologyKey());
        if (counts.get(i).putIfAbsent(value, 0L) == null) {
          domains[i]++;
        }
      }
    }
    double[] weights = new double[soft.size()];
    for (int i = 0; i < soft.size(); i++) {
      int size = soft.get(i).topologyKey().equals(Node.HOSTNAME_LABEL) ? feasible.size() - ignored.size() : domains[i];
      weights[i] = Math.log(size + 2);
    }
    for (NodeInfo n : cycle.snapshot().nodes()) {
      Node node = n.node();
      if (!RefNodeAffinity.requiredMatches(pod.spec(), node)) {
        continue;
      }
      if (requireAll && !RefSpreadConstraints.hasAllKeys(node, soft)) {
        continue;
      }
      for (int i = 0; i < soft.size(); i++) {
        Constraint c = soft.get(i);
        Map<String, Long> m = counts.get(i);
        String value = valueOrEmpty(node, c.topologyKey());
        if (m.containsKey(value)) {
          m.merge(value, (long) c.countOn(n, pod.namespace()), Long::sum);
        }
      }
    }
    return new ScoreState(soft, ignored, counts, weights);
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    ScoreState s = (ScoreState) state;
    if (s.ignored().contains(node.name())) {
      return 0;
    }
    double score = 0;
    for (int i = 0; i < s.constraints().size(); i++) {
      Constraint c = s.constraints().get(i);
      String value = node.node().labels().get(c.topologyKey());
      if (value == null) {
        continue;
      }
      long count = c.topologyKey().equals(Node.HOSTNAME_LABEL)
          ? c.countOn(node, cycle.pod().namespace())
          : s.counts().get(i).getOrDefault(value, 0L);
      score += count * s.weights()[i] + (c.maxSkew() - 1);
    }
    return Math.round(score);
  }

  @Override
  public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
    ScoreState s = (ScoreState) state;
    long min = Long.MAX_VALUE;
    long max = 0;
    for (int i = 0; i < scores.length; i++) {
      if (s.ignored().contains(feasible.get(i).name())) {
        continue;
      }
      min = Math.min(min, scores[i]);
      max = Math.max(max, scores[i]);
    }
    for (int i = 0; i < scores.length; i++) {
      if (s.ignored().contains(feasible.get(i).name())) {
        scores[i] = 0;
      } else if (max == 0) {
        scores[i] = RefNormalize.MAX_NODE_SCORE;
      } else {
        scores[i] = RefNormalize.MAX_NODE_SCORE * (max + min - scores[i]) / max;
      }
    }
  }

  private static String valueOrEmpty(Node node, String key) {
    String v = node.labels().get(key);
    return v == null ? "" : v;
  }
}
