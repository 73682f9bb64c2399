package io.hns.model.autoscaler;

import static io.hns.model.autoscaler.Fixtures.SECOND;
import static io.hns.model.autoscaler.Fixtures.T0;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import java.util.SplittableRandom;

/** A fake cluster, a recording actions sink and an autoscaler, run loop by loop. */
final class Harness {
  static final long SCAN = 10 * SECOND;

  final FakeClusterView view = new FakeClusterView(T0);
  final FakeClusterActions actions = new FakeClusterActions();
  final ClusterAutoscaler ca;
  final SplittableRandom random = new SplittableRandom(42);

  Harness() {
    this(AutoscalerConfig.aksDefaults());
  }

  Harness(AutoscalerConfig config) {
    this.ca = new ClusterAutoscaler(config);
  }

  FakeNodeGroup group(String id, int min, int max, Node template) {
    FakeNodeGroup g = new FakeNodeGroup(id, min, max, template, () -> view.now);
    view.groups.add(g);
    return g;
  }

  /** Adds a Ready node that belongs to the group. */
  Node node(FakeNodeGroup g, Node n) {
    view.nodes.add(n);
    g.member(n.name());
    return n;
  }

  /** Adds a node of no group (the virtual node, say). */
  Node node(Node n) {
    view.nodes.add(n);
    return n;
  }

  Pod pod(Pod p) {
    view.pods.add(p);
    return p;
  }

  /** One loop at time {@code t}. */
  void loopAt(long t) {
    view.now = t;
    ca.runOnce(view, actions, random);
  }

  /** Loops every scan interval from {@code from} to {@code to}, both included. */
  void loops(long from, long to) {
    for (long t = from; t <= to; t += SCAN) {
      loopAt(t);
    }
  }
}
