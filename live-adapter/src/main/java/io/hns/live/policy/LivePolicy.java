package io.hns.live.policy;

import io.hns.live.LiveActions;
import io.hns.live.Reconciler;
import io.hns.model.policy.HybridPolicy;
import io.hns.model.policy.PolicySpec;
import io.hns.model.port.ClusterView;
import java.time.Duration;

/**
 * A policy of the model's {@link io.hns.model.policy.PolicyCatalog} as the live loop runs it, with
 * no policy logic of its own: every period, (a) the policy's placement rewrite is made a patch of
 * each Deployment's pod template ({@link PlacementReconciler}), then (b) the policy's reconcile
 * loop, when it has one ({@link PolicySpec#newLoop()}: the very class the simulator runs, e.g.
 * {@code BurstBackfillPolicy}), reconciles against the live view through the live actions, which
 * are a {@link io.hns.model.port.ClusterActions}. Whether those actions reach the cluster (dry
 * run, leader, bounds, guard) is the loop's business, not the policy's.
 *
 * <p>The period is the loop's ({@link HybridPolicy#periodMs()}); a placement-only policy runs every
 * {@code placementPeriod}. One instance per process: the model loop keeps state between periods.
 */
public final class LivePolicy implements Reconciler {
  private final PolicySpec spec;
  private final PlacementReconciler placement;
  private final HybridPolicy loop;
  private final Duration period;

  public LivePolicy(PolicySpec spec, Duration placementPeriod) {
    this.spec = spec;
    this.placement = new PlacementReconciler(spec.placement());
    this.loop = spec.newLoop();
    this.period = loop != null ? Duration.ofMillis(loop.periodMs()) : placementPeriod;
  }

  @Override
  public String name() {
    return spec.name();
  }

  @Override
  public Duration period() {
    return period;
  }

  public PolicySpec spec() {
    return spec;
  }

  /** The model's loop, or null for a placement-only policy. */
  public HybridPolicy loop() {
    return loop;
  }

  @Override
  public void reconcile(ClusterView view, LiveActions actions) {
    placement.reconcile(view, actions);
    if (loop != null) {
      loop.reconcile(view, actions);
    }
  }
}
