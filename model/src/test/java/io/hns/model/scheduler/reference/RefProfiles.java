package io.hns.model.scheduler.reference;

import io.hns.model.scheduler.CycleState;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.SchedulerProfile;
import io.hns.model.scheduler.ScorePlugin;
import io.hns.model.scheduler.WeightedScorer;
import java.util.List;

/**
 * REFERENCE COPY of the two built-in profiles of SchedulerProfile (commit 9e0c0f5) made of the
 * reference plugins, for differential tests.
 */
public final class RefProfiles {
  private RefProfiles() {}

  public static SchedulerProfile named(String name) {
    return name.equals(SchedulerProfile.K8S_1_19) ? kubernetes119() : current();
  }

  public static SchedulerProfile current() {
    RefTaintToleration taints = new RefTaintToleration();
    RefNodeAffinity affinity = new RefNodeAffinity();
    RefNodeResourcesFit fit = new RefNodeResourcesFit();
    RefPodTopologySpread spread = new RefPodTopologySpread();
    RefInterPodAffinity podAffinity = new RefInterPodAffinity();
    return new SchedulerProfile(
        SchedulerProfile.CURRENT,
        List.of(new RefNodeUnschedulable(), new RefNodeName(), taints, affinity, fit, spread, podAffinity),
        List.of(
            new WeightedScorer(taints, 3),
            new WeightedScorer(affinity, 2),
            new WeightedScorer(fit, 1),
            new WeightedScorer(spread, 2),
            new WeightedScorer(podAffinity, 2),
            new WeightedScorer(new RefBalancedAllocation(), 1),
            new WeightedScorer(new RefImageLocality(), 1)),
        0);
  }

  public static SchedulerProfile kubernetes119() {
    RefTaintToleration taints = new RefTaintToleration();
    RefNodeAffinity affinity = new RefNodeAffinity();
    RefNodeResourcesFit fit = new RefNodeResourcesFit();
    RefPodTopologySpread spread = new RefPodTopologySpread();
    RefInterPodAffinity podAffinity = new RefInterPodAffinity();
    return new SchedulerProfile(
        SchedulerProfile.K8S_1_19,
        List.of(new RefNodeUnschedulable(), fit, new RefNodeName(), affinity, taints, spread, podAffinity),
        List.of(
            new WeightedScorer(new RefLegacyBalancedAllocation(), 1),
            new WeightedScorer(new RefImageLocality(), 1),
            new WeightedScorer(podAffinity, 1),
            new WeightedScorer(fit, 1),
            new WeightedScorer(affinity, 1),
            new WeightedScorer(new ExplicitOnlySpread(spread), 2),
            new WeightedScorer(taints, 1),
            new WeightedScorer(new RefSelectorSpread(), 1)),
        0);
  }

  /** PodTopologySpread scoring that skips pods without explicit constraints (no system defaults). */
  private record ExplicitOnlySpread(RefPodTopologySpread delegate) implements ScorePlugin {
    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Object preScore(CycleState cycle, List<NodeInfo> feasible) {
      return cycle.pod().spec().spreadConstraints().isEmpty() ? SKIP : delegate.preScore(cycle, feasible);
    }

    @Override
    public long score(CycleState cycle, Object state, NodeInfo node) {
      return delegate.score(cycle, state, node);
    }

    @Override
    public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
      delegate.normalize(cycle, state, feasible, scores);
    }
  }
}
