package io.hns.model.scheduler.reference;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>* RefSelectorSpread (DefaultPodTopologySpread) of Kubernetes 1.19
 * (plugins/selectorspread/selector_spread.go, removed in 1.26): score = pods of the same
 * controller on the node; normalized to 100·(max − count)/max, blended with the zone's count at
 * weight 2/3 for nodes that carry a zone. Pods are matched by controlling owner here, which is what
 * the owner's selector selects. Skipped for pods with explicit spread constraints.
 */
public final class RefSelectorSpread implements ScorePlugin {
  private static final double ZONE_WEIGHTING = 2.0 / 3.0;

  @Override
  public String name() {
    return "SelectorSpread";
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return cycle.pod().spec().spreadConstraints().isEmpty() ? NO_STATE : SKIP;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    Pod pod = cycle.pod();
    if (pod.owner() == null || !RefSpreadConstraints.DEFAULTING_OWNER_KINDS.contains(pod.owner().kind())) {
      return 0;
    }
    return node.podsOwnedBy(pod.owner().uid());
  }

  @Override
  public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
    Map<String, Long> byZone = new HashMap<>();
    long maxByNode = 0;
    for (int i = 0; i < scores.length; i++) {
      maxByNode = Math.max(maxByNode, scores[i]);
      String zone = zoneKey(feasible.get(i).node());
      if (!zone.isEmpty()) {
        byZone.merge(zone, scores[i], Long::sum);
      }
    }
    long maxByZone = byZone.values().stream().mapToLong(Long::longValue).max().orElse(0);
    for (int i = 0; i < scores.length; i++) {
      double f = RefNormalize.MAX_NODE_SCORE;
      if (maxByNode > 0) {
        f = RefNormalize.MAX_NODE_SCORE * ((double) (maxByNode - scores[i]) / maxByNode);
      }
      String zone = zoneKey(feasible.get(i).node());
      if (!byZone.isEmpty() && !zone.isEmpty()) {
        double zoneScore = RefNormalize.MAX_NODE_SCORE;
        if (maxByZone > 0) {
          zoneScore = RefNormalize.MAX_NODE_SCORE * ((double) (maxByZone - byZone.get(zone)) / maxByZone);
        }
        f = f * (1 - ZONE_WEIGHTING) + ZONE_WEIGHTING * zoneScore;
      }
      scores[i] = (long) f;
    }
  }

  /** {@code utilnode.GetZoneKey}: region and zone from the topology or legacy failure-domain labels. */
  static String zoneKey(Node node) {
    String region = first(node, Node.REGION_LABEL, "failure-domain.beta.kubernetes.io/region");
    String zone = first(node, Node.ZONE_LABEL, "failure-domain.beta.kubernetes.io/zone");
    if (region.isEmpty() && zone.isEmpty()) {
      return "";
    }
    return region + ":\0:" + zone;
  }

  private static String first(Node node, String a, String b) {
    String v = node.labels().get(a);
    if (v == null) {
      v = node.labels().get(b);
    }
    return v == null ? "" : v;
  }
}
