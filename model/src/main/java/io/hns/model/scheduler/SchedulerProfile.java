package io.hns.model.scheduler;

import io.hns.model.scheduler.plugins.BalancedAllocation;
import io.hns.model.scheduler.plugins.ImageLocality;
import io.hns.model.scheduler.plugins.InterPodAffinity;
import io.hns.model.scheduler.plugins.LegacyBalancedAllocation;
import io.hns.model.scheduler.plugins.NodeAffinity;
import io.hns.model.scheduler.plugins.NodeName;
import io.hns.model.scheduler.plugins.NodeResourcesFit;
import io.hns.model.scheduler.plugins.NodeUnschedulable;
import io.hns.model.scheduler.plugins.PodTopologySpread;
import io.hns.model.scheduler.plugins.SelectorSpread;
import io.hns.model.scheduler.plugins.TaintToleration;
import java.util.List;

/**
 * A kube-scheduler profile: filter plugins in order (the first failing one gives the node's
 * reasons) and score plugins with weights.
 *
 * <p>Two profiles are built in, because the default profile changed in ways that move pods between
 * VM nodes and the virtual node: {@code kubernetes-1.34} (the current default,
 * pkg/scheduler/apis/config/v1/default_plugins.go) and {@code kubernetes-1.19} (the seed
 * experiment's cluster: algorithmprovider/registry.go of release-1.19, every score weight 1 but
 * PodTopologySpread 2, SelectorSpread instead of system-default topology spreading, and the older
 * BalancedAllocation).
 *
 * @param percentageOfNodesToScore 0 means adaptive ({@code 50 − nodes/125}, at least 5)
 */
public record SchedulerProfile(
    String name, List<FilterPlugin> filters, List<WeightedScorer> scorers, int percentageOfNodesToScore) {

  public static final String CURRENT = "kubernetes-1.34";
  public static final String K8S_1_19 = "kubernetes-1.19";
  public static final List<String> NAMES = List.of(CURRENT, K8S_1_19);

  public static SchedulerProfile current() {
    TaintToleration taints = new TaintToleration();
    NodeAffinity affinity = new NodeAffinity();
    NodeResourcesFit fit = new NodeResourcesFit();
    PodTopologySpread spread = new PodTopologySpread();
    InterPodAffinity podAffinity = new InterPodAffinity();
    return new SchedulerProfile(
        CURRENT,
        List.of(new NodeUnschedulable(), new NodeName(), taints, affinity, fit, spread, podAffinity),
        List.of(
            new WeightedScorer(taints, 3),
            new WeightedScorer(affinity, 2),
            new WeightedScorer(fit, 1),
            new WeightedScorer(spread, 2),
            new WeightedScorer(podAffinity, 2),
            new WeightedScorer(new BalancedAllocation(), 1),
            new WeightedScorer(new ImageLocality(), 1)),
        0);
  }

  public static SchedulerProfile kubernetes119() {
    TaintToleration taints = new TaintToleration();
    NodeAffinity affinity = new NodeAffinity();
    NodeResourcesFit fit = new NodeResourcesFit();
    PodTopologySpread spread = new PodTopologySpread();
    InterPodAffinity podAffinity = new InterPodAffinity();
    return new SchedulerProfile(
        K8S_1_19,
        List.of(new NodeUnschedulable(), fit, new NodeName(), affinity, taints, spread, podAffinity),
        List.of(
            new WeightedScorer(new LegacyBalancedAllocation(), 1),
            new WeightedScorer(new ImageLocality(), 1),
            new WeightedScorer(podAffinity, 1),
            new WeightedScorer(fit, 1),
            new WeightedScorer(affinity, 1),
            new WeightedScorer(spread, 2),
            new WeightedScorer(taints, 1),
            new WeightedScorer(new SelectorSpread(), 1)),
        0)
        // Before DefaultPodTopologySpread (alpha in 1.19), PodTopologySpread scored only explicit
        // constraints; SelectorSpread did the default spreading.
        .withoutSystemDefaultSpreading();
  }

  /** The profile of that name, or an error listing the names. */
  public static SchedulerProfile named(String name) {
    if (name == null || name.equals(CURRENT) || name.equals("default")) {
      return current();
    }
    if (name.equals(K8S_1_19)) {
      return kubernetes119();
    }
    throw new IllegalArgumentException("unknown scheduler profile \"" + name + "\" (known: " + String.join(", ", NAMES) + ")");
  }

  private SchedulerProfile withoutSystemDefaultSpreading() {
    List<WeightedScorer> s = scorers.stream()
        .map(w -> w.plugin() instanceof PodTopologySpread
            ? new WeightedScorer(new ExplicitOnlySpread((PodTopologySpread) w.plugin()), w.weight())
            : w)
        .toList();
    return new SchedulerProfile(name, filters, s, percentageOfNodesToScore);
  }

  /** PodTopologySpread scoring that skips pods without explicit constraints (no system defaults). */
  private record ExplicitOnlySpread(PodTopologySpread delegate) implements ScorePlugin {
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
    public boolean scoreByClass(CycleState cycle, Object state) {
      return delegate.scoreByClass(cycle, state);
    }

    @Override
    public boolean normalizeByClass(CycleState cycle, Object state) {
      return delegate.normalizeByClass(cycle, state);
    }

    @Override
    public void normalize(CycleState cycle, Object state, List<NodeInfo> feasible, long[] scores) {
      delegate.normalize(cycle, state, feasible, scores);
    }
  }
}
