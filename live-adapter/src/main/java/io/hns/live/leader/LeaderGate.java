package io.hns.live.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Whether this replica may act: fabric8's {@link LeaderElector} on a coordination.k8s.io Lease.
 * Only the holder acts; the others keep observing and report what they would have done, so a
 * takeover starts from a warm view. Leadership is dropped before the lease could pass to another
 * replica (fabric8 stops leading when it cannot renew within the renew deadline), and released on
 * close so a successor need not wait the lease out.
 */
public final class LeaderGate implements BooleanSupplier, AutoCloseable {
  private final AtomicBoolean leading = new AtomicBoolean();
  private final LeaderElector elector;
  private final String identity;
  private CompletableFuture<?> running;

  public LeaderGate(KubernetesClient client, String namespace, String leaseName, String identity, Duration leaseDuration,
      Duration renewDeadline, Duration retryPeriod, Runnable onStopLeading) {
    this.identity = identity;
    this.elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName("hns-live")
        .withLock(new LeaseLock(namespace, leaseName, identity))
        .withLeaseDuration(leaseDuration)
        .withRenewDeadline(renewDeadline)
        .withRetryPeriod(retryPeriod)
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(
            () -> leading.set(true),
            () -> {
              leading.set(false);
              onStopLeading.run();
            },
            newLeader -> {}))
        .build()).build();
  }

  /** A gate for a single replica (leader election off): always leads. */
  public static BooleanSupplier always() {
    return () -> true;
  }

  public synchronized void start() {
    running = elector.start();
  }

  @Override
  public boolean getAsBoolean() {
    return leading.get();
  }

  public String identity() {
    return identity;
  }

  @Override
  public synchronized void close() {
    leading.set(false);
    if (running != null) {
      running.cancel(true);
    }
  }
}
