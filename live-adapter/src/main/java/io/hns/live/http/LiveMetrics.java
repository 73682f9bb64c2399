package io.hns.live.http;

import io.hns.live.Decision;
import io.hns.live.DecisionSink;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Prometheus metrics of the live loop, in a registry of its own (tests and two loops in one JVM do
 * not collide): decisions by policy, action and outcome; actions carried out; errors by source;
 * whether this replica leads and whether the guard stopped it.
 */
public final class LiveMetrics implements DecisionSink {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter decisions = Counter.builder().name("hns_decisions_total")
      .help("Decisions policies made, by what became of them").labelNames("policy", "action", "outcome").register(registry);
  private final Counter actions = Counter.builder().name("hns_actions_total")
      .help("Actions carried out on the cluster").labelNames("action").register(registry);
  private final Counter errors = Counter.builder().name("hns_errors_total")
      .help("Errors: failed API calls, unreadable objects, policy exceptions").labelNames("source").register(registry);
  private final Counter reconciles = Counter.builder().name("hns_reconciles_total")
      .help("Reconcile loops run").labelNames("policy").register(registry);
  private final Gauge leader = Gauge.builder().name("hns_leader").help("1 while this replica holds the lease").register(registry);
  private final Gauge guardStopped = Gauge.builder().name("hns_guard_stopped")
      .help("1 once the guard stopped acting (observing only)").register(registry);

  @Override
  public void accept(Decision d) {
    decisions.labelValues(d.policy(), d.action(), d.outcome().name().toLowerCase(java.util.Locale.ROOT)).inc();
    if (d.outcome() == Decision.Outcome.APPLIED) {
      actions.labelValues(d.action()).inc();
    }
    if (d.outcome() == Decision.Outcome.FAILED) {
      errors.labelValues("action").inc();
    }
  }

  public void error(String source) {
    errors.labelValues(source).inc();
  }

  public void reconciled(String policy) {
    reconciles.labelValues(policy).inc();
  }

  public void leader(boolean leads) {
    leader.set(leads ? 1 : 0);
  }

  public void guardStopped(boolean stopped) {
    guardStopped.set(stopped ? 1 : 0);
  }

  public PrometheusRegistry registry() {
    return registry;
  }
}
