package io.hns.simulator.load;

import io.hns.model.cluster.Pod;
import io.hns.simulator.state.ClusterState;

/**
 * The offered load on one workload and what its Ready pods can serve, sampled at any instant, and
 * integrated (requests offered and unserved) over the sampling steps.
 */
public final class DemandMeter {
  private final ClusterState state;
  private final LoadCurve curve;
  private final ServiceModel service;
  private final String namespace;
  private final String workload;
  private final java.util.function.Function<Pod, String> workloadOf;
  private double offered;
  private double unserved;

  public DemandMeter(ClusterState state, LoadCurve curve, ServiceModel service, String namespace, String workload,
      java.util.function.Function<Pod, String> workloadOf) {
    this.state = state;
    this.curve = curve;
    this.service = service;
    this.namespace = namespace;
    this.workload = workload;
    this.workloadOf = workloadOf;
  }

  public String namespace() {
    return namespace;
  }

  public String workload() {
    return workload;
  }

  public double rate(long t) {
    return curve.rateAt(t);
  }

  public boolean serves(Pod p) {
    return p.namespace().equals(namespace) && workload.equals(workloadOf.apply(p));
  }

  public int readyPods() {
    int n = 0;
    for (Pod p : state.pods()) {
      if (p.isReady() && !p.isDeleting() && serves(p)) {
        n++;
      }
    }
    return n;
  }

  /** Per-pod CPU utilization (fraction of request) right now. */
  public double utilization() {
    return service.utilization(curve.rateAt(state.now()), readyPods());
  }

  /** Adds {@code stepMs} worth of offered and unserved requests at the current rate. */
  public double[] sample(long stepMs) {
    double rate = curve.rateAt(state.now());
    int ready = readyPods();
    double served = service.served(rate, ready);
    offered += rate * stepMs / 1000.0;
    unserved += (rate - served) * stepMs / 1000.0;
    return new double[] {rate, served, rate - served};
  }

  public double offeredRequests() {
    return offered;
  }

  public double unservedRequests() {
    return unserved;
  }
}
