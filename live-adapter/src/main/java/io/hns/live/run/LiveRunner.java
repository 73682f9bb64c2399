package io.hns.live.run;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.hns.live.DecisionSink;
import io.hns.live.ReconcileLoop;
import io.hns.live.Reconciler;
import io.hns.live.arm.AgentPoolRef;
import io.hns.live.arm.ArmNodeGroup;
import io.hns.live.arm.ArmThrottle;
import io.hns.live.arm.AzureSdkAgentPoolApi;
import io.hns.live.config.AgentPoolConfig;
import io.hns.live.config.LiveConfig;
import io.hns.live.guard.ExpectationGuard;
import io.hns.live.guard.Mode;
import io.hns.live.http.HealthServer;
import io.hns.live.http.LiveMetrics;
import io.hns.live.kube.Fabric8ClusterActions;
import io.hns.live.kube.Fabric8ClusterView;
import io.hns.live.kube.PodRenderer;
import io.hns.live.leader.LeaderGate;
import io.hns.model.policy.Placeholders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Assembles {@code hns live}: informers, actions, guard, leader election (only with
 * {@code --apply}: a dry run never takes the lease from the replica that acts), agent pools (only
 * when configured, so a Kubernetes-only policy needs no Azure credentials), the loop, and the
 * health/metrics server. {@link #close()} is the clean shutdown: stop the loop, remove the
 * placeholders hns created if it led and the config says so, then release the lease.
 */
public final class LiveRunner implements AutoCloseable {
  private final KubernetesClient client;
  private final LiveConfig config;
  private final boolean apply;
  private final PrintWriter err;
  private final LiveMetrics metrics = new LiveMetrics();
  private final Fabric8ClusterView view;
  private final Fabric8ClusterActions actions;
  private final LeaderGate leaderGate;
  private final BooleanSupplier leads;
  private final ReconcileLoop loop;
  private final long periodMs;
  private HealthServer health;
  private boolean closed;

  public LiveRunner(KubernetesClient client, LiveConfig config, Reconciler reconciler, boolean apply, String identity,
      DecisionSink decisions, PrintWriter err, Clock clock) {
    this.client = client;
    this.config = config;
    this.apply = apply;
    this.err = err;
    this.view = new Fabric8ClusterView(client, config.bounds().namespaces(), clock, (msg, e) -> {
      metrics.error("observe");
      err.println("hns: " + msg);
      err.flush();
    });
    for (AgentPoolConfig p : config.agentPools()) {
      AgentPoolRef ref = new AgentPoolRef(p.subscriptionId(), p.resourceGroup(), p.cluster(), p.pool());
      view.addNodeGroup(new ArmNodeGroup(AzureSdkAgentPoolApi.withDefaultCredential(ref, clock), p,
          ArmThrottle.aks(clock.millis()), clock, view::nodes));
    }
    this.actions = new Fabric8ClusterActions(client, new PodRenderer(config.placeholderPriorityClass()), clock);
    if (apply && config.leaderElection()) {
      leaderGate = new LeaderGate(client, config.leaseNamespace(), config.leaseName(), identity, config.leaseDuration(),
          config.renewDeadline(), config.retryPeriod(), () -> {
            err.println("hns: " + identity + " is not the leader (any more); observing only");
            err.flush();
          });
      leads = leaderGate;
    } else {
      leaderGate = null;
      leads = LeaderGate.always();
    }
    this.periodMs = reconciler.period().toMillis();
    this.loop = new ReconcileLoop(reconciler, view::snapshot, actions, apply, leads, config.bounds(),
        new ExpectationGuard(config.expectationTimeout(), config.maxConsecutiveErrors()), decisions, metrics);
  }

  /** Starts informers (waiting for the first list), leader election, the HTTP server and the loop. */
  public LiveRunner start(boolean serveHttp, boolean loopInBackground) {
    view.start(Duration.ofMinutes(2));
    // Placeholders of an earlier process (placeholders.onShutdown: keep, or a crash): the model's
    // policies find their own by the placeholder label and carry on with them.
    long adopted = view.pods().stream().filter(Placeholders::isPlaceholder).count();
    if (adopted > 0) {
      err.println("hns: found " + adopted + " placeholder pod(s) labelled " + Placeholders.LABEL + "; adopting them");
      err.flush();
    }
    if (leaderGate != null) {
      leaderGate.start();
    }
    if (serveHttp) {
      long started = System.currentTimeMillis();
      try {
        // Alive while loops keep completing: three periods of slack, plus time for a slow first list.
        health = HealthServer.start("0.0.0.0", config.port(), metrics, () -> {
          long last = loop.lastTick();
          long now = System.currentTimeMillis();
          return last == Long.MIN_VALUE ? now - started < 3 * periodMs + 120_000 : now - last < 3 * periodMs + 60_000;
        }, view::synced);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on port " + config.port() + ": " + e.getMessage(), e);
      }
    }
    if (loopInBackground) {
      loop.start();
    }
    return this;
  }

  /** One loop now (for {@code --once} and tests). */
  public Mode tick() {
    return loop.tick();
  }

  public ReconcileLoop loop() {
    return loop;
  }

  public LiveMetrics metrics() {
    return metrics;
  }

  public int httpPort() {
    return health == null ? -1 : health.port();
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    loop.close();
    if (apply && leads.getAsBoolean() && config.deletePlaceholdersOnShutdown()) {
      for (String ns : config.bounds().namespaces()) {
        try {
          int n = actions.deletePlaceholders(ns);
          if (n > 0) {
            err.println("hns: removed " + n + " placeholder pod(s) in " + ns);
          }
        } catch (RuntimeException e) {
          err.println("hns: could not remove placeholders in " + ns + " (the next leader adopts them): " + e.getMessage());
        }
      }
    }
    if (leaderGate != null) {
      leaderGate.close();
    }
    if (health != null) {
      health.close();
    }
    view.close();
    actions.close();
    err.flush();
  }

  public KubernetesClient client() {
    return client;
  }
}
