package io.hns.simulator;

import com.google.common.collect.ImmutableList;
import io.hns.model.autoscaler.ClusterAutoscaler;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaControllerConfig;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.policy.HybridPolicy;
import io.hns.model.port.NodeGroup;
import io.hns.model.scheduler.Scheduler;
import io.hns.simulator.cloud.AciService;
import io.hns.simulator.cloud.ArmThrottle;
import io.hns.simulator.cloud.CostLedger;
import io.hns.simulator.cloud.NodePoolListener;
import io.hns.simulator.cloud.VcpuQuota;
import io.hns.simulator.cloud.VmssNodePool;
import io.hns.simulator.controller.DaemonSetController;
import io.hns.simulator.controller.HpaController;
import io.hns.simulator.controller.MetricsServer;
import io.hns.simulator.controller.NameGenerator;
import io.hns.simulator.controller.SchedulerLoop;
import io.hns.simulator.controller.SimulatedCluster;
import io.hns.simulator.controller.VirtualNodeFactory;
import io.hns.simulator.controller.WorkloadController;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.engine.RandomStreams;
import io.hns.simulator.kubelet.AciProvider;
import io.hns.simulator.kubelet.VirtualKubelet;
import io.hns.simulator.kubelet.VmKubelet;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.output.NodeRecorder;
import io.hns.simulator.output.PodRecorder;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.TimelineSampler;
import io.hns.simulator.report.PodTable;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.CompiledScenario.Action;
import io.hns.simulator.state.ClusterState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One run of a compiled scenario: builds the engine, the simulated AKS cluster and its controllers,
 * plays the scripted actions and returns what happened. Nothing here is static or shared, so runs
 * can go in parallel; everything random comes from streams named after the component, seeded from
 * (seed, stream, replication).
 */
public final class Simulation {
  /** The taint the node lifecycle controller keeps on a node until it is Ready (TaintNodesByCondition). */
  static final Taint NOT_READY = new Taint("node.kubernetes.io/not-ready", "", TaintEffect.NO_SCHEDULE);

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
  private final Engine engine = new Engine();
  private final ClusterState state = new ClusterState(engine::now);
  private final RandomStreams streams;
  private final CostLedger ledger;
  private final NameGenerator names;
  private final WorkloadController workloads;
  private final List<VmssNodePool> pools = new ArrayList<>();
  private final NodeRecorder nodeRecorder;
  private final PodRecorder podRecorder;
  private HpaController hpaController;
  private DemandMeter demand;

  private Simulation(CompiledScenario scenario, Options options) {
    this.scenario = scenario;
    this.options = options;
    this.seed = options.seed() != null ? options.seed() : scenario.seed();
    this.streams = new RandomStreams(seed, options.replication());
    this.ledger = new CostLedger(scenario.prices());
    this.names = new NameGenerator(streams.stream("names"));
    this.workloads = new WorkloadController(engine, state, names, scenario.policy().placement());
    this.nodeRecorder = new NodeRecorder(state);
    this.podRecorder = new PodRecorder(state, workloads::workloadOf);
  }

  public static RunResult run(CompiledScenario scenario, Options options) {
    return new Simulation(scenario, options).execute();
  }

  private RunResult execute() {
    long wallStart = System.nanoTime();
    wire();
    long end = scenario.durationMs();
    if (options.progress() != null) {
      long tick = Math.max(scenario.timelineStepMs(), end / 200);
      engine.every(tick, tick, Engine.PRIORITY_OBSERVER, () -> options.progress().update(engine.now(), end));
    }
    engine.runUntil(end);
    if (options.podTables() != null) {
      for (String ns : namespaces()) {
        PodTable.print(options.podTables(), state, ns, "end of run");
      }
    }
    long wallMs = (System.nanoTime() - wallStart) / 1_000_000;
    return new RunResult(scenario.name(), scenario.policy().name(), seed, options.replication(), end,
        timeline.rows(), podRecorder.records(), nodeRecorder.records(), state.events().events(),
        state.events().countsByReason(), ledger.vmCost(end).doubleValue(), ledger.aciCost(end).doubleValue(),
        ledger.aciPodSeconds(end).doubleValue(), demand.offeredRequests(), demand.unservedRequests(), engine.eventsProcessed(), wallMs);
  }

  private TimelineSampler timeline;

  private void wire() {
    Scheduler scheduler = new Scheduler(scenario.schedulerProfile());
    SchedulerLoop schedulerLoop = new SchedulerLoop(engine, state, scheduler, streams.stream("scheduler"));
    List<Pod> daemonPods = scenario.systemPods().stream()
        .filter(p -> p.owner() != null && p.owner().kind().equals("DaemonSet")).toList();
    demand = new DemandMeter(engine::now, workloads::workloadOf, scenario.loads().stream()
        .map(l -> new DemandMeter.Load(l.namespace(), l.workload(), l.curve(), l.service())).toList());
    state.listen(demand);
    state.listen(nodeRecorder);
    state.listen(podRecorder);
    state.listen(schedulerLoop);
    state.listen(workloads);
    state.listen(new VmKubelet(engine, state, scenario.kubelet()));
    state.listen(new DaemonSetController(state, daemonPods, names));
    AciService aci = new AciService(scenario.virtualNode().aci(), streams.stream("aci"), ledger);
    state.listen(new VirtualKubelet(engine, state, new AciProvider(aci, scenario.kubelet())));

    VcpuQuota quota = scenario.quota().create();
    for (VmssNodePool.Config config : scenario.pools()) {
      VmssNodePool pool = new VmssNodePool(config, engine, streams.stream("vmss/" + config.poolName()), quota,
          scenario.armThrottling() ? ArmThrottle.aksAgentPoolPut() : null, nodeListener(), ledger);
      pools.add(pool);
      for (Node n : pool.initialNodes()) {
        state.addNode(n);
      }
    }
    if (scenario.virtualNode().enabled()) {
      state.addNode(VirtualNodeFactory.create(scenario.virtualNode().name(), engine.now()));
    }
    placeClusterSystemPods();

    if (!scenario.hpas().isEmpty()) {
      MetricsServer metrics = new MetricsServer(engine, state, demand, 15_000, 0.02);
      hpaController = new HpaController(engine, state, workloads, metrics, HpaControllerConfig.DEFAULTS);
    }
    SimulatedCluster cluster = new SimulatedCluster(state, workloads, pools, scenario.disruptionBudgets());
    HybridPolicy loop = scenario.policy().newLoop();
    if (loop != null) {
      engine.every(loop.periodMs(), loop.periodMs(), Engine.PRIORITY_CONTROLLER, () -> loop.reconcile(cluster, cluster));
    }
    if (scenario.autoscaler().enabled()) {
      ClusterAutoscaler ca = new ClusterAutoscaler(scenario.autoscaler().config(), scenario.schedulerProfile());
      long scan = scenario.autoscaler().config().scanInterval().toMillis();
      var random = streams.stream("autoscaler");
      engine.every(scan, scan, Engine.PRIORITY_CONTROLLER, () -> ca.runOnce(cluster, cluster, random));
    }
    timeline = new TimelineSampler(state, demand, this::nodesCreating,
        t -> new double[] {ledger.vmCost(t).doubleValue(), ledger.aciCost(t).doubleValue()}, scenario.timelineStepMs());
    engine.every(0, scenario.timelineStepMs(), Engine.PRIORITY_OBSERVER, timeline::sample);
    scheduleActions();
  }

  private int nodesCreating() {
    int n = 0;
    for (VmssNodePool p : pools) {
      for (NodeGroup.Instance i : p.instances()) {
        if (i.state() == NodeGroup.Instance.State.CREATING && state.node(i.nodeName()) == null) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * Cluster-wide system pods (not DaemonSets) run on the first VM node from the start, where the
   * sample had them: the cluster existed before the run.
   */
  private void placeClusterSystemPods() {
    Node first = state.nodes().stream().filter(n -> n.kind() == NodeKind.VM).findFirst().orElse(null);
    for (Pod p : scenario.systemPods()) {
      if (p.owner() != null && p.owner().kind().equals("DaemonSet")) {
        continue;
      }
      if (first == null) {
        continue;
      }
      state.addPod(p.toBuilder().nodeName(first.name()).creationTime(0).startTime(0)
          .phase(io.hns.model.cluster.PodPhase.RUNNING)
          .ready(io.hns.model.cluster.ConditionStatus.TRUE, 0).build());
    }
  }

  private NodePoolListener nodeListener() {
    return new NodePoolListener() {
      @Override
      public void nodeRegistered(Node node) {
        List<Taint> taints = new ArrayList<>(node.taints());
        taints.add(NOT_READY);
        state.addNode(node.withTaints(ImmutableList.copyOf(taints)));
      }

      @Override
      public void nodeReady(Node node) {
        Node current = state.node(node.name());
        List<Taint> taints = new ArrayList<>(current == null ? node.taints() : current.taints());
        taints.remove(NOT_READY);
        Node ready = node.withTaints(ImmutableList.copyOf(taints)).withReady(true);
        if (current == null) {
          state.addNode(ready);
        } else {
          state.updateNode(ready);
        }
      }

      @Override
      public void nodeDeleted(String nodeName) {
        state.removeNode(nodeName);
      }
    };
  }

  private void scheduleActions() {
    Set<String> appliedByAction = new HashSet<>();
    for (Action a : scenario.actions()) {
      if (a.kind() == Action.Kind.APPLY) {
        appliedByAction.add(a.target());
      }
    }
    for (Workload w : scenario.workloads().values()) {
      if (!appliedByAction.contains(w.name())) {
        engine.at(0, () -> workloads.apply(w));
      }
    }
    for (HpaSpec h : scenario.hpas().values()) {
      if (!appliedByAction.contains(h.name())) {
        engine.at(0, () -> hpaController.apply(h));
      }
    }
    for (Action a : scenario.actions()) {
      if (options.podTables() != null && a.kind() == Action.Kind.SCALE) {
        Workload w = scenario.workloads().get(a.target());
        engine.at(a.at(), -1, () -> PodTable.print(options.podTables(), state, w.namespace(),
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
        if (w != null) workloads.apply(w);
        else hpaController.apply(h);
      }
      case DELETE -> {
        if (w != null) workloads.delete(w.kind(), w.namespace(), w.name());
        else hpaController.delete(h.key());
      }
      case SCALE -> workloads.scale(w.namespace(), w.name(), a.replicas());
    }
  }

  private List<String> namespaces() {
    Set<String> out = new java.util.LinkedHashSet<>();
    scenario.workloads().values().forEach(w -> out.add(w.namespace()));
    return List.copyOf(out);
  }
}
