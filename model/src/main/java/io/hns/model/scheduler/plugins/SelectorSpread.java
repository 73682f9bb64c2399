package io.hns.model.scheduler.plugins;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.FeasibleClasses;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.ScorePlugin;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SelectorSpread (DefaultPodTopologySpread) of Kubernetes 1.19
 * (plugins/selectorspread/selector_spread.go, removed in 1.26): score = pods of the same
 * controller on the node; normalized to 100·(max − count)/max, blended with the zone's count at
 * weight 2/3 for nodes that carry a zone. Pods are matched by controlling owner here, which is what
 * the owner's selector selects. Skipped for pods with explicit spread constraints.
 */
public final class SelectorSpread implements ScorePlugin {
  private static final double ZONE_WEIGHTING = 2.0 / 3.0;

  @Override
  public String name() {
    return "SelectorSpread";
  }

  @Override
  public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
    return cycle.pod().spec().spreadConstraints().isEmpty() ? NO_STATE : SKIP;
  }

  /** The score is the node's count of pods of the pod's controller, which is part of the class. */
  @Override
  public boolean scoreByClass(CycleState cycle, Object state) {
    return true;
  }

  @Override
  public long score(CycleState cycle, Object state, NodeInfo node) {
    Pod pod = cycle.pod();
    if (pod.owner() == null || !SpreadConstraints.DEFAULTING_OWNER_KINDS.contains(pod.owner().kind())) {
      return 0;
    }
    return node.podsOwnedBy(pod.owner().uid());
  }

  @Override
  public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
    // Each node's zone: from its class when the scheduler passed the classes (labels other than the
    // hostname are equal within a class), else from every node.
    FeasibleClasses fc = cycle.feasibleClasses();
    int[] zoneOfNode = new int[scores.length];
    Map<String, Integer> zones = new HashMap<>();
    if (fc != null && fc.indexes(feasible)) {
      List<NodeInfo> reps = fc.representatives();
      int[] zoneOfClass = new int[reps.size()];
      for (int k = 0; k < reps.size(); k++) {
        zoneOfClass[k] = zoneIndex(zones, zoneKey(reps.get(k).node()));
      }
      for (int i = 0; i < scores.length; i++) {
        zoneOfNode[i] = zoneOfClass[fc.classOf()[i]];
      }
    } else {
      for (int i = 0; i < scores.length; i++) {
        zoneOfNode[i] = zoneIndex(zones, zoneKey(feasible.get(i).node()));
      }
    }
    long[] byZone = new long[zones.size()];
    long maxByNode = 0;
    for (int i = 0; i < scores.length; i++) {
      maxByNode = Math.max(maxByNode, scores[i]);
      if (zoneOfNode[i] >= 0) {
        byZone[zoneOfNode[i]] += scores[i];
      }
    }
    long maxByZone = 0;
    for (long z : byZone) {
      maxByZone = Math.max(maxByZone, z);
    }
    for (int i = 0; i < scores.length; i++) {
      double f = Normalize.MAX_NODE_SCORE;
      if (maxByNode > 0) {
        f = Normalize.MAX_NODE_SCORE * ((double) (maxByNode - scores[i]) / maxByNode);
      }
      int zone = zoneOfNode[i];
      if (byZone.length > 0 && zone >= 0) {
        double zoneScore = Normalize.MAX_NODE_SCORE;
        if (maxByZone > 0) {
          zoneScore = Normalize.MAX_NODE_SCORE * ((double) (maxByZone - byZone[zone]) / maxByZone);
        }
        f = f * (1 - ZONE_WEIGHTING) + ZONE_WEIGHTING * zoneScore;
      }
      scores[i] = (long) f;
    }
  }

  /** The index of a zone key among those seen, -1 for the empty key (no zone). */
  private static int zoneIndex(Map<String, Integer> zones, String zone) {
    if (zone.isEmpty()) {
      return -1;
    }
    Integer i = zones.get(zone);
    if (i == null) {
      i = zones.size();
      zones.put(zone, i);
    }
    return i;
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
