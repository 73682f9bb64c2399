package io.hns.model.scheduler.reference;

import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.PreferredTerm;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FilterPlugin;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* plugins/nodeaffinity/node_affinity.go with component-helpers' nodeaffinity matching.
 * Filter: every nodeSelector entry, and (when set) one of the required terms. PreFilter narrows to
 * named nodes when every required term has a {@code metadata.name In} field. Score: the sum of the
 * weights of matching preferred terms, normalized (not reversed); skipped without preferred terms.
 */
public final class RefNodeAffinity implements FilterPlugin, ScorePlugin {
  static final List<String> REASON = List.of("node(s) didn't match Pod's node affinity/selector");
  static final List<String> CONFLICT = List.of("pod affinity terms conflict");

  /** Returns true when the node satisfies the pod's nodeSelector and required node affinity. */
  public static boolean requiredMatches(PodSpec spec, Node node) {
    for (Map.Entry<String, String> e : spec.nodeSelector().entrySet()) {
      if (!e.getValue().equals(node.labels().get(e.getKey()))) {
        return false;
      }
    }
    if (spec.requiredAffinity() == null) {
      return true;
    }
    for (NodeSelectorTerm term : spec.requiredAffinity()) {
      if (term.matches(node.name(), node.labels())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String name() {
    return "NodeAffinity";
  }

  /** The candidate node names when every required term pins names with {@code metadata.name In}. */
  @Override
  public Object preFilter(CycleState cycle) {
    List<NodeSelectorTerm> terms = cycle.pod().spec().requiredAffinity();
    if (terms == null || terms.isEmpty()) {
      return null;
    }
    Set<String> union = new HashSet<>();
    for (NodeSelectorTerm t : terms) {
      Set<String> within = null;
      for (LabelRequirement f : t.fields()) {
        if (f.operator() == LabelRequirement.Operator.IN && f.values().size() == 1) {
          Set<String> one = Set.of(f.values().get(0));
          if (within == null) {
            within = new HashSet<>(one);
          } else {
            within.retainAll(one);
          }
        }
      }
      if (within == null) {
        return null; // some term does not pin names: no narrowing
      }
      union.addAll(within);
    }
    return union;
  }

  @Override
  public List<String> filter(CycleState cycle, Object state, NodeInfo node) {
    if (state instanceof Set<?> names) {
      if (names.isEmpty()) {
        return CONFLICT;
      }
      if (!names.contains(node.name())) {
        return REASON;
      }
    }
    return requiredMatches(cycle.pod().spec(), node.node()) ? null : REASON;
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return cycle.pod().spec().preferredAffinity().isEmpty() ? SKIP : NO_STATE;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    long sum = 0;
    for (PreferredTerm p : cycle.pod().spec().preferredAffinity()) {
      if (p.weight() != 0 && p.term().matches(node.name(), node.node().labels())) {
        sum += p.weight();
      }
    }
    return sum;
  }

  @Override
  public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
    RefNormalize.defaultNormalize(scores, false);
  }
}
