package io.hns.emulator;

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
 * The simulated AKS cluster of a scenario, wired as {@code Simulation} wires it (same components,
 * same random stream names) but without the scenario's scripted actions and manifests: the clients
 * of the emulator apply those. A metrics server and the HPA controller always run, so that
 * {@code kubectl top} and client-created HPAs work. Not thread-safe: the emulator drives it under
 * its lock.
 */
public final class EmulatedAks {
  /** The taint the node lifecycle controller keeps on a node until it is Ready. */
  static final Taint NOT_READY = new Taint("node.kubernetes.io/not-ready", "", TaintEffect.NO_SCHEDULE);
  static final long METRICS_RESOLUTION_MS = 15_000;
  static final double IDLE_UTILIZATION = 0.02;

  private final CompiledScenario scenario;
  private final Engine engine = new Engine();
  private final ClusterState state = new ClusterState(engine::now);
  private final RandomStreams streams;
  private final CostLedger ledger;
  private final NameGenerator names;
  private final NameGenerator clientNames;
  private final WorkloadController workloads;
  private final List<VmssNodePool> pools = new ArrayList<>();
  private final DemandMeter demand;
  private final MetricsServer metrics;
  private final HpaController hpas;
  private boolean populated;

  public EmulatedAks(CompiledScenario scenario) {
    this.scenario = scenario;
    this.streams = new RandomStreams(scenario.seed(), 0);
    this.ledger = new CostLedger(scenario.prices());
    this.names = new NameGenerator(streams.stream("names"));
    this.clientNames = new NameGenerator(streams.stream("emulator/api"));
    this.workloads = new WorkloadController(engine, state, names, scenario.policy());

    Scheduler scheduler = new Scheduler(scenario.schedulerProfile());
    SchedulerLoop schedulerLoop = new SchedulerLoop(engine, state, scheduler, streams.stream("scheduler"));
    List<Pod> daemonPods = scenario.systemPods().stream()
        .filter(p -> p.owner() != null && p.owner().kind().equals("DaemonSet")).toList();
    demand = new DemandMeter(engine::now, workloads::workloadOf, scenario.loads().stream()
        .map(l -> new DemandMeter.Load(l.namespace(), l.workload(), l.curve(), l.service())).toList());
    state.listen(demand);
    state.listen(schedulerLoop);
    state.listen(workloads);
    state.listen(new VmKubelet(engine, state, scenario.kubelet()));
    state.listen(new DaemonSetController(state, daemonPods, names));
    AciService aci = new AciService(scenario.virtualNode().aci(), streams.stream("aci"), ledger);
    state.listen(new VirtualKubelet(engine, state, new AciProvider(aci, scenario.kubelet())));

    VcpuQuota quota = scenario.quota().create();
    for (VmssNodePool.Config config : scenario.pools()) {
      pools.add(new VmssNodePool(config, engine, streams.stream("vmss/" + config.poolName()), quota,
          scenario.armThrottling() ? ArmThrottle.aksAgentPoolPut() : null, nodeListener(), ledger));
    }
    metrics = new MetricsServer(engine, state, demand, METRICS_RESOLUTION_MS, IDLE_UTILIZATION);
    hpas = new HpaController(engine, state, workloads, metrics, HpaControllerConfig.DEFAULTS);
    if (scenario.autoscaler().enabled()) {
      SimulatedCluster cluster = new SimulatedCluster(state, workloads, pools);
      ClusterAutoscaler ca = new ClusterAutoscaler(scenario.autoscaler().config(), scenario.schedulerProfile());
      long scan = scenario.autoscaler().config().scanInterval().toMillis();
      var random = streams.stream("autoscaler");
      engine.every(scan, scan, Engine.PRIORITY_CONTROLLER, () -> ca.runOnce(cluster, cluster, random));
    }
  }

  /** Registers a listener; call before {@link #populate()} to see the initial nodes and pods. */
  public void listen(StateListener l) {
    state.listen(l);
  }

  /**
   * Puts the cluster as it stood before the run: the pools' initial nodes, the virtual node and the
   * cluster-wide system pods on the first VM node (DaemonSet pods come with each node).
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

  public CompiledScenario scenario() {
    return scenario;
  }

  public Engine engine() {
    return engine;
  }

  public ClusterState state() {
    return state;
  }

  public WorkloadController workloads() {
    return workloads;
  }

  public HpaController hpas() {
    return hpas;
  }

  public MetricsServer metrics() {
    return metrics;
  }

  public CostLedger ledger() {
    return ledger;
  }

  public List<VmssNodePool> pools() {
    return List.copyOf(pools);
  }

  /** UIDs and generated names for objects the clients create (its own stream: the simulator's stay as they are). */
  NameGenerator clientNames() {
    return clientNames;
  }

  /** The API server's version for the scenario's Kubernetes version (the seed's cluster ran v1.19.9). */
  public String kubernetesVersion() {
    String p = scenario.schedulerProfileName();
    if (p.equals("kubernetes-1.19")) {
      return "v1.19.9";
    }
    if (p.startsWith("kubernetes-")) {
      return "v" + p.substring("kubernetes-".length()) + ".0";
    }
    return "v1.34.0";
  }

  /** What virtual-kubelet reports as its kubelet version (the seed's node: v1.18.4-vk-azure-aci-v1.3.5). */
  public String virtualKubeletVersion() {
    return kubernetesVersion().startsWith("v1.19.") ? "v1.18.4-vk-azure-aci-v1.3.5" : "v1.30.0-vk-azure-aci-1.6.2";
  }
}
