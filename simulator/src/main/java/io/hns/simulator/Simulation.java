package io.hns.simulator;

import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaSpec;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.output.NodeRecorder;
import io.hns.simulator.output.PodRecorder;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.TimelineSampler;
import io.hns.simulator.report.PodTable;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.CompiledScenario.Action;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of a compiled scenario: the simulated cluster ({@link SimulatedAks}), recorders, the
 * scripted actions, and the result. Nothing here is static or shared, so runs can go in parallel;
 * everything random comes from streams named after the component, seeded from (seed, stream,
 * replication).
 */
public final class Simulation {
  /** Progress callback: simulated time so far and the run's end, in ms. */
  public interface Progress {
    void update(long simulatedMs, long endMs);
  }

  /** How to run: the seed (scenario's unless overridden), the replication, optional terminal output. */
  public record Options(Long seed, int replication, PrintWriter podTables, Progress progress) {
    public static Options quiet() {
      return new Options(null, 0, null, null);
    }
  }

  private final CompiledScenario scenario;
  private final Options options;
  private final long seed;
  private final SimulatedAks aks;
  private NodeRecorder nodeRecorder;
  private PodRecorder podRecorder;

  private Simulation(CompiledScenario scenario, Options options) {
    this.scenario = scenario;
    this.options = options;
    this.seed = options.seed() != null ? options.seed() : scenario.seed();
    this.aks = new SimulatedAks(scenario, seed, options.replication(), cluster -> {
      nodeRecorder = new NodeRecorder(cluster.state());
      podRecorder = new PodRecorder(cluster.state(), cluster.workloads()::workloadOf);
      return List.of(nodeRecorder, podRecorder);
    }, false);
  }

  public static RunResult run(CompiledScenario scenario, Options options) {
    return new Simulation(scenario, options).execute();
  }

  private RunResult execute() {
    long wallStart = System.nanoTime();
    aks.populate();
    Engine engine = aks.engine();
    TimelineSampler timeline = new TimelineSampler(aks.state(), aks.demand(), aks::nodesCreating,
        t -> new double[] {aks.ledger().vmCost(t).doubleValue(), aks.ledger().aciCost(t).doubleValue()},
        scenario.timelineStepMs());
    engine.every(0, scenario.timelineStepMs(), Engine.PRIORITY_OBSERVER, timeline::sample);
    scheduleActions();
    long end = scenario.durationMs();
    if (options.progress() != null) {
      long tick = Math.max(scenario.timelineStepMs(), end / 200);
      engine.every(tick, tick, Engine.PRIORITY_OBSERVER, () -> options.progress().update(engine.now(), end));
    }
    engine.runUntil(end);
    if (options.podTables() != null) {
      for (String ns : namespaces()) {
        PodTable.print(options.podTables(), aks.state(), ns, "end of run");
      }
    }
    long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
    var ledger = aks.ledger();
    return new RunResult(scenario.name(), scenario.policy().name(), seed, options.replication(), end,
        timeline.rows(), podRecorder.records(), nodeRecorder.records(), aks.state().events().events(),
        aks.state().events().countsByReason(), ledger.vmCost(end).doubleValue(), ledger.aciCost(end).doubleValue(),
        ledger.aciPodSeconds(end).doubleValue(), aks.demand().offeredRequests(), aks.demand().unservedRequests(),
        engine.eventsProcessed(), wallMs);
  }

  private void scheduleActions() {
    Engine engine = aks.engine();
    Set<String> appliedByAction = new HashSet<>();
    for (Action a : scenario.actions()) {
      if (a.kind() == Action.Kind.APPLY) {
        appliedByAction.add(a.target());
      }
    }
    for (Workload w : scenario.workloads().values()) {
      if (!appliedByAction.contains(w.name())) {
        engine.at(0, () -> aks.workloads().apply(w));
      }
    }
    for (HpaSpec h : scenario.hpas().values()) {
      if (!appliedByAction.contains(h.name())) {
        engine.at(0, () -> aks.hpas().apply(h));
      }
    }
    for (Action a : scenario.actions()) {
      if (options.podTables() != null && a.kind() == Action.Kind.SCALE) {
        Workload w = scenario.workloads().get(a.target());
        engine.at(a.at(), -1, () -> PodTable.print(options.podTables(), aks.state(), w.namespace(),
            "before scaling " + a.target() + " to " + a.replicas()));
      }
      engine.at(a.at(), () -> perform(a));
    }
  }

  private void perform(Action a) {
    Workload w = scenario.workloads().get(a.target());
    HpaSpec h = scenario.hpas().get(a.target());
    switch (a.kind()) {
      case APPLY -> {
        if (w != null) aks.workloads().apply(w);
        else aks.hpas().apply(h);
      }
      case DELETE -> {
        if (w != null) aks.workloads().delete(w.kind(), w.namespace(), w.name());
        else aks.hpas().delete(h.key());
      }
      case SCALE -> aks.workloads().scale(w.namespace(), w.name(), a.replicas());
    }
  }

  private List<String> namespaces() {
    Set<String> out = new LinkedHashSet<>();
    scenario.workloads().values().forEach(w -> out.add(w.namespace()));
    return List.copyOf(out);
  }
}
