package io.hns.simulator;

import com.google.common.collect.ImmutableList;
import io.hns.model.autoscaler.ClusterAutoscaler;
import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.hpa.HpaControllerConfig;
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
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated AKS cluster of a scenario: engine, store, scheduler, Deployment/ReplicaSet and HPA
 * controllers, kubelets, the VMSS pools and ACI, the cluster autoscaler and the policy's loop, each
 * drawing from its own named random stream. {@link Simulation} runs it with the scenario's script;
 * the emulator serves it to kubectl. Observers given to the constructor see every change before
 * the controllers react, so they record in causal order.
 */
public final class SimulatedAks {
  /** The taint the node lifecycle controller keeps on a node until it is Ready (TaintNodesByCondition). */
  public static final Taint NOT_READY = new Taint("node.kubernetes.io/not-ready", "", TaintEffect.NO_SCHEDULE);
  public static final long METRICS_RESOLUTION_MS = 15_000;
  static final double IDLE_UTILIZATION = 0.02;

  private final CompiledScenario scenario;
  private final Engine engine = new Engine();
  private final ClusterState state = new ClusterState(engine::now);
  private final RandomStreams streams;
  private final CostLedger ledger;
  private final NameGenerator names;
  private final WorkloadController workloads;
  private final DemandMeter demand;
  private final List<VmssNodePool> pools = new ArrayList<>();
  private final SimulatedCluster cluster;
  private final MetricsServer metrics;
  private final HpaController hpas;
  private boolean populated;

  /**
   * @param observers makes the listeners registered before the controllers (recorders), given the
   *     cluster's store and workload controller
   * @param alwaysMetrics run metrics-server and the HPA controller even when the scenario has no
   *     HPA (the emulator's clients may create some)
   */
  public SimulatedAks(CompiledScenario scenario, long seed, int replication,
      java.util.function.Function<SimulatedAks, List<StateListener>> observers, boolean alwaysMetrics) {
    this.scenario = scenario;
    this.streams = new RandomStreams(seed, replication);
    this.ledger = new CostLedger(scenario.prices());
    this.names = new NameGenerator(streams.stream("names"));
    this.workloads = new WorkloadController(engine, state, names, scenario.policy().placement());
    this.demand = new DemandMeter(engine::now, workloads::workloadOf, scenario.loads().stream()
        .map(l -> new DemandMeter.Load(l.namespace(), l.workload(), l.curve(), l.service())).toList());
    state.listen(demand);
    observers.apply(this).forEach(state::listen);
    Scheduler scheduler = new Scheduler(scenario.schedulerProfile());
    state.listen(new SchedulerLoop(engine, state, scheduler, streams.stream("scheduler")));
    state.listen(workloads);
    state.listen(new VmKubelet(engine, state, scenario.kubelet()));
    List<Pod> daemonPods = scenario.systemPods().stream()
        .filter(p -> p.owner() != null && p.owner().kind().equals("DaemonSet")).toList();
    state.listen(new DaemonSetController(state, daemonPods, names));
    AciService aci = new AciService(scenario.virtualNode().aci(), streams.stream("aci"), ledger);
    state.listen(new VirtualKubelet(engine, state, new AciProvider(aci, scenario.kubelet())));

    VcpuQuota quota = scenario.quota().create();
    for (VmssNodePool.Config config : scenario.pools()) {
      pools.add(new VmssNodePool(config, engine, streams.stream("vmss/" + config.poolName()), quota,
          scenario.armThrottling() ? ArmThrottle.aksAgentPoolPut() : null, nodeListener(), ledger));
    }
    if (alwaysMetrics || !scenario.hpas().isEmpty()) {
      metrics = new MetricsServer(engine, state, demand, METRICS_RESOLUTION_MS, IDLE_UTILIZATION);
      hpas = new HpaController(engine, state, workloads, metrics, HpaControllerConfig.DEFAULTS);
    } else {
      metrics = null;
      hpas = null;
    }
    cluster = new SimulatedCluster(state, workloads, pools, scenario.disruptionBudgets());
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
  }

  /** Registers a listener after the controllers. */
  public void listen(StateListener l) {
    state.listen(l);
  }

  /**
   * The cluster as it stood before the run: the pools' initial nodes (Ready), the virtual node, and
   * the cluster-wide system pods running on the first VM node (DaemonSet pods come with each node).
   */
  public void populate() {
    if (populated) {
      throw new IllegalStateException("already populated");
    }
    populated = true;
    for (VmssNodePool pool : pools) {
      for (Node n : pool.initialNodes()) {
        state.addNode(n);
      }
    }
    if (scenario.virtualNode().enabled()) {
      state.addNode(VirtualNodeFactory.create(scenario.virtualNode().name(), engine.now()));
    }
    Node first = state.nodes().stream().filter(n -> n.kind() == NodeKind.VM).findFirst().orElse(null);
    if (first == null) {
      return;
    }
    for (Pod p : scenario.systemPods()) {
      if (p.owner() != null && p.owner().kind().equals("DaemonSet")) {
        continue;
      }
      state.addPod(p.toBuilder().nodeName(first.name()).creationTime(0).startTime(0)
          .phase(PodPhase.RUNNING).ready(ConditionStatus.TRUE, 0).build());
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

  /** VM instances requested but not registered yet. */
  public int nodesCreating() {
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

  public CompiledScenario scenario() { return scenario; }
  public Engine engine() { return engine; }
  public ClusterState state() { return state; }
  public RandomStreams streams() { return streams; }
  public CostLedger ledger() { return ledger; }
  public WorkloadController workloads() { return workloads; }
  public DemandMeter demand() { return demand; }
  public List<VmssNodePool> pools() { return List.copyOf(pools); }
  public SimulatedCluster cluster() { return cluster; }

  /** Null unless the scenario has HPAs or metrics were asked for. */
  public MetricsServer metrics() { return metrics; }

  /** Null unless the scenario has HPAs or metrics were asked for. */
  public HpaController hpas() { return hpas; }
}
