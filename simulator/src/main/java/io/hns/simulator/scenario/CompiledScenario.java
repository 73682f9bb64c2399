package io.hns.simulator.scenario;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.policy.PolicySpec;
import io.hns.model.scheduler.SchedulerProfile;
import io.hns.simulator.cloud.AciService;
import io.hns.simulator.cloud.Prices;
import io.hns.simulator.cloud.VcpuQuota;
import io.hns.simulator.cloud.VmssNodePool;
import io.hns.simulator.kubelet.KubeletConfig;
import io.hns.simulator.load.LoadCurve;
import io.hns.simulator.load.ServiceModel;
import java.util.List;
import java.util.Map;

/**
 * A scenario checked and completed with defaults, ready to run: every value typed, every name
 * resolved. Built by {@link ScenarioCompiler}; one compiled scenario can be run many times (seeds,
 * replications, sweep points).
 */
public record CompiledScenario(
    String name,
    String description,
    long seed,
    long durationMs,
    long timelineStepMs,
    PolicySpec policy,
    String schedulerProfileName,
    List<VmssNodePool.Config> pools,
    VcpuQuotaSpec quota,
    boolean armThrottling,
    VirtualNode virtualNode,
    AutoscalerSettings autoscaler,
    Prices prices,
    KubeletConfig kubelet,
    List<Pod> systemPods,
    Map<String, Workload> workloads,
    Map<String, HpaSpec> hpas,
    List<DisruptionBudget> disruptionBudgets,
    List<Load> loads,
    List<Action> actions) {

  /** The virtual node, if the cluster has one, and the ACI behind it. */
  public record VirtualNode(boolean enabled, String name, AciService.Config aci) {}

  /** Regional and per-family vCPU limits (a fresh {@link VcpuQuota} per run). */
  public record VcpuQuotaSpec(String region, long regional, Map<String, Long> families) {
    public VcpuQuota create() {
      VcpuQuota q = new VcpuQuota(region, regional);
      families.forEach(q::setFamilyLimit);
      return q;
    }
  }

  /** The cluster autoscaler settings, or disabled. */
  public record AutoscalerSettings(boolean enabled, io.hns.model.autoscaler.AutoscalerConfig config) {}

  /** Offered load on one workload. */
  public record Load(String namespace, String workload, LoadCurve curve, ServiceModel service) {}

  /** A scripted kubectl-like action. */
  public record Action(long at, Kind kind, String target, int replicas) {
    public enum Kind {
      APPLY,
      DELETE,
      SCALE
    }
  }

  /** The same scenario under another placement policy (a sweep or {@code --policy} override). */
  public CompiledScenario withPolicy(PolicySpec other) {
    return new CompiledScenario(name, description, seed, durationMs, timelineStepMs, other, schedulerProfileName,
        pools, quota, armThrottling, virtualNode, autoscaler, prices, kubelet, systemPods, workloads, hpas,
        disruptionBudgets, loads, actions);
  }

  /**
   * The same scenario with this load curve on {@code workload} (replacing its load, or adding one
   * with {@code podCapacity}), running for {@code durationMs}: how a trace replays a scenario.
   */
  public CompiledScenario withLoad(String workload, io.hns.simulator.load.LoadCurve curve, Double podCapacity,
      long newDurationMs) {
    Workload w = workloads.get(workload);
    if (w == null) {
      throw new IllegalArgumentException("the scenario has no workload \"" + workload + "\" (have: "
          + String.join(", ", workloads.keySet()) + ")");
    }
    List<Load> next = new java.util.ArrayList<>();
    Load replaced = null;
    for (Load l : loads) {
      if (l.workload().equals(workload)) {
        replaced = l;
      } else {
        next.add(l);
      }
    }
    io.hns.simulator.load.ServiceModel service;
    if (podCapacity != null) {
      service = new io.hns.simulator.load.ServiceModel(podCapacity, replaced == null ? 1.0 : replaced.service().maxUtilization());
    } else if (replaced != null) {
      service = replaced.service();
    } else {
      throw new IllegalArgumentException("the scenario has no load on \"" + workload + "\": give its pod capacity");
    }
    next.add(new Load(w.namespace(), workload, curve, service));
    return new CompiledScenario(name, description, seed, newDurationMs, timelineStepMs, policy, schedulerProfileName,
        pools, quota, armThrottling, virtualNode, autoscaler, prices, kubelet, systemPods, workloads, hpas,
        disruptionBudgets, next, actions.stream().filter(a -> a.at() <= newDurationMs).toList());
  }

  /** A fresh scheduler profile (plugins hold no state, but a run should own its objects). */
  public SchedulerProfile schedulerProfile() {
    return SchedulerProfile.named(schedulerProfileName);
  }
}
