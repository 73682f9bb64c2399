package io.hns.emulator;

import io.hns.simulator.SimulatedAks;
import io.hns.simulator.cloud.CostLedger;
import io.hns.simulator.cloud.VmssNodePool;
import io.hns.simulator.controller.HpaController;
import io.hns.simulator.controller.MetricsServer;
import io.hns.simulator.controller.NameGenerator;
import io.hns.simulator.controller.WorkloadController;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.List;

/**
 * The simulated AKS cluster of a scenario ({@link SimulatedAks}, the very wiring {@code Simulation}
 * runs) without the scenario's scripted actions and manifests: the clients of the emulator apply
 * those. Metrics-server and the HPA controller always run, so that {@code kubectl top} and
 * client-created HPAs work. Not thread-safe: the emulator drives it under its lock.
 */
public final class EmulatedAks {
  static final long METRICS_RESOLUTION_MS = SimulatedAks.METRICS_RESOLUTION_MS;

  private final SimulatedAks aks;
  private final NameGenerator clientNames;

  public EmulatedAks(CompiledScenario scenario) {
    this.aks = new SimulatedAks(scenario, scenario.seed(), 0, cluster -> List.of(), true);
    this.clientNames = new NameGenerator(aks.streams().stream("emulator/api"));
  }

  /** Registers a listener; call before {@link #populate()} to see the initial nodes and pods. */
  public void listen(StateListener l) {
    aks.listen(l);
  }

  /** Puts the cluster as it stood before the run (nodes, the virtual node, system pods). */
  public void populate() {
    aks.populate();
  }

  public CompiledScenario scenario() {
    return aks.scenario();
  }

  public Engine engine() {
    return aks.engine();
  }

  public ClusterState state() {
    return aks.state();
  }

  public WorkloadController workloads() {
    return aks.workloads();
  }

  public HpaController hpas() {
    return aks.hpas();
  }

  public MetricsServer metrics() {
    return aks.metrics();
  }

  public CostLedger ledger() {
    return aks.ledger();
  }

  public List<VmssNodePool> pools() {
    return aks.pools();
  }

  /** UIDs and generated names for objects the clients create (its own stream: the simulator's stay as they are). */
  NameGenerator clientNames() {
    return clientNames;
  }

  /** The API server's version for the scenario's Kubernetes version (the seed's cluster ran v1.19.9). */
  public String kubernetesVersion() {
    String p = aks.scenario().schedulerProfileName();
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
