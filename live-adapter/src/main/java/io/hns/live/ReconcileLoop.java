package io.hns.live;

import io.hns.live.config.Bounds;
import io.hns.live.guard.ExpectationGuard;
import io.hns.live.guard.GatedActions;
import io.hns.live.guard.GatedNodeGroup;
import io.hns.live.guard.Mode;
import io.hns.live.guard.MoveBudget;
import io.hns.live.guard.NodeGrowthBudget;
import io.hns.live.http.LiveMetrics;
import io.hns.model.port.NodeGroup;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The live loop: every policy period, freeze the cluster, let the guard check its expectations,
 * decide the mode (acting only with {@code --apply}, as leader, with the guard untripped), run the
 * policy against gated actions and node groups, then let coalescing node groups send what is due.
 * Observing never stops, whatever the mode.
 */
public final class ReconcileLoop implements AutoCloseable {
  private final Reconciler reconciler;
  private final Supplier<LiveSnapshot> observe;
  private final LiveActions cluster;
  private final boolean apply;
  private final BooleanSupplier leader;
  private final Bounds bounds;
  private final ExpectationGuard guard;
  private final MoveBudget moves;
  private final NodeGrowthBudget growth;
  private final DecisionSink sink;
  private final LiveMetrics metrics;
  private final AtomicLong lastTick = new AtomicLong(Long.MIN_VALUE);
  private ScheduledExecutorService executor;

  public ReconcileLoop(Reconciler reconciler, Supplier<LiveSnapshot> observe, LiveActions cluster, boolean apply,
      BooleanSupplier leader, Bounds bounds, ExpectationGuard guard, DecisionSink sink, LiveMetrics metrics) {
    this.reconciler = reconciler;
    this.observe = observe;
    this.cluster = cluster;
    this.apply = apply;
    this.leader = leader;
    this.bounds = bounds;
    this.guard = guard;
    this.moves = new MoveBudget(bounds.maxPodsMovedPerMinute());
    this.growth = new NodeGrowthBudget(bounds.maxNodesAdded());
    this.metrics = metrics;
    this.sink = metrics.and(sink);
  }

  /** One loop; returns the mode it ran in. Never throws: a policy's exception is counted and logged. */
  public Mode tick() {
    LiveSnapshot seen;
    try {
      seen = observe.get();
    } catch (RuntimeException e) {
      metrics.error("observe");
      System.err.println("hns: cannot observe the cluster: " + e.getMessage());
      return modeNow();
    }
    guard.observe(seen);
    metrics.guardStopped(guard.tripped());
    boolean leads = leader.getAsBoolean();
    metrics.leader(leads);
    Mode mode = modeNow();
    List<NodeGroup> gatedGroups = seen.nodeGroups().stream()
        .map(g -> (NodeGroup) new GatedNodeGroup(g, mode, growth, guard, sink, reconciler.name(), seen::now)).toList();
    LiveSnapshot view = new LiveSnapshot(seen.now(), seen.nodes(), seen.pods(), seen.workloads(), gatedGroups,
        seen.hpas(), seen.disruptionBudgets(), seen.podUsage());
    GatedActions actions = new GatedActions(cluster, mode, view, bounds, moves, guard, sink, reconciler.name());
    try {
      reconciler.reconcile(view, actions);
    } catch (RuntimeException e) {
      metrics.error("policy");
      System.err.println("hns: policy " + reconciler.name() + " failed: " + e);
    }
    if (mode == Mode.ACTING) {
      for (NodeGroup g : seen.nodeGroups()) {
        if (g instanceof PendingWork p) {
          try {
            p.flushDue();
          } catch (RuntimeException e) {
            metrics.error("nodegroup");
            guard.recordError("flush " + g.id() + ": " + e.getMessage());
          }
        }
      }
    }
    metrics.reconciled(reconciler.name());
    lastTick.set(seen.now());
    return mode;
  }

  private Mode modeNow() {
    if (!apply) {
      return Mode.DRY_RUN;
    }
    if (!leader.getAsBoolean()) {
      return Mode.NOT_LEADER;
    }
    return guard.tripped() ? Mode.GUARD_STOPPED : Mode.ACTING;
  }

  /** Runs {@link #tick()} every period on a thread of its own until {@link #close()}. */
  public synchronized void start() {
    executor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hns-reconcile-" + reconciler.name());
      t.setDaemon(true);
      return t;
    });
    long period = reconciler.period().toMillis();
    executor.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
  }

  /** Epoch ms of the last completed loop, or Long.MIN_VALUE before the first. */
  public long lastTick() {
    return lastTick.get();
  }

  public ExpectationGuard guard() {
    return guard;
  }

  @Override
  public synchronized void close() {
    if (executor != null) {
      executor.shutdownNow();
      try {
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
