package io.hns.simulator.controller;

import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaControllerConfig;
import io.hns.model.hpa.HpaDecision;
import io.hns.model.hpa.HpaHistory;
import io.hns.model.hpa.HpaReconciler;
import io.hns.model.hpa.HpaSpec;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The horizontal-pod-autoscaler controller: every sync period (15 s) each HPA reads its target's
 * replicas, the target's pods and their metrics-server samples, and rescales through the model's
 * {@link HpaReconciler}, keeping each HPA's recommendation history between syncs.
 */
public final class HpaController {
  private final ClusterState state;
  private final WorkloadController workloads;
  private final MetricsServer metrics;
  private final HpaReconciler reconciler;
  private final Map<String, HpaSpec> hpas = new LinkedHashMap<>();
  private final Map<String, HpaHistory> histories = new HashMap<>();

  public HpaController(Engine engine, ClusterState state, WorkloadController workloads, MetricsServer metrics,
      HpaControllerConfig config) {
    this.state = state;
    this.workloads = workloads;
    this.metrics = metrics;
    this.reconciler = new HpaReconciler(config);
    long period = config.syncPeriodMs();
    engine.every(period, period, Engine.PRIORITY_CONTROLLER, this::sync);
  }

  public void apply(HpaSpec spec) {
    hpas.put(spec.key(), spec);
  }

  public void delete(String key) {
    hpas.remove(key);
    histories.remove(key);
  }

  private void sync() {
    if (hpas.isEmpty()) {
      return;
    }
    // A target's pods are those of its ReplicaSets that its selector matches (what the scale
    // subresource's selector selects), from the state's indexes of ReplicaSets and pods by owner.
    // Rescaling only writes workloads, so every HPA of this sync sees the same pods.
    for (HpaSpec hpa : hpas.values()) {
      Workload target = state.deployment(hpa.namespace(), hpa.scaleTargetRef().name());
      if (target == null) {
        continue;
      }
      List<Pod> pods = new ArrayList<>();
      for (Workload rs : state.replicaSetsOwnedBy(target.uid())) {
        Labels lastLabels = null;
        boolean lastMatch = false;
        for (Pod p : state.podsOwnedBy(rs.uid())) {
          // Siblings share their template's labels object: match each distinct one once.
          if (p.labels() != lastLabels) {
            lastLabels = p.labels();
            lastMatch = target.selector().matches(lastLabels);
          }
          if (lastMatch) {
            pods.add(p);
          }
        }
      }
      HpaHistory history = histories.getOrDefault(hpa.key(), HpaHistory.NEW);
      HpaDecision d = reconciler.reconcileAligned(hpa, target.replicas(), pods, metrics.samplesOf(pods), history,
          state.now());
      histories.put(hpa.key(), d.history());
      if (d.rescale() && d.desiredReplicas() != target.replicas()) {
        state.event(new ObjectRef("HorizontalPodAutoscaler", hpa.namespace(), hpa.name()), ClusterEvent.NORMAL,
            "SuccessfulRescale", "New size: " + d.desiredReplicas() + "; reason: " + d.reason());
        workloads.scale(target.namespace(), target.name(), d.desiredReplicas());
      }
    }
  }

}
