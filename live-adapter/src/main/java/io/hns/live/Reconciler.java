package io.hns.live;

import io.hns.model.port.ClusterView;
import java.time.Duration;

/**
 * A policy as the live loop runs it: every {@link #period()}, look at a snapshot of the cluster and
 * act through the actions given. The loop decides whether those actions reach the cluster (leader,
 * {@code --apply}, bounds, guard) or are only printed; a reconciler never needs to know.
 *
 * <p>The policies themselves are the model's: {@link io.hns.live.policy.LivePolicy} runs a
 * {@code PolicySpec}'s placement and its {@code HybridPolicy} loop, which takes the actions as a
 * {@link io.hns.model.port.ClusterActions} ({@link LiveActions} is one).
 */
public interface Reconciler {
  String name();

  Duration period();

  void reconcile(ClusterView view, LiveActions actions);
}
