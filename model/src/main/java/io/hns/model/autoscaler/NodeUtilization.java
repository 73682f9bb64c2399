package io.hns.model.autoscaler;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.resource.Resources;
import java.util.List;

/**
 * A node's utilization for scale-down (CA {@code simulator/utilization/info.go}): requests of every
 * pod on it (DaemonSet and mirror pods included, AKS keeps {@code ignore-daemonsets-utilization}
 * false; long-terminating pods excluded) over allocatable, per resource; the node's utilization is
 * the larger of cpu and memory. A resource with zero allocatable counts as 0.
 */
record NodeUtilization(double cpu, double memory) {

  double value() {
    return Math.max(cpu, memory);
  }

  String dominantResource() {
    return cpu >= memory ? "cpu" : "memory";
  }

  /**
   * The node's utilization from a simulation node record: its request sums when no pod on it is
   * being deleted (none can be long-terminating then), else pod by pod.
   */
  static NodeUtilization of(Node node, io.hns.model.scheduler.NodeInfo info, long now) {
    if (info.podsDeleting() > 0) {
      return of(node, info.pods(), now);
    }
    return of(node, info.requestedCpu(), info.requestedMemory());
  }

  private static NodeUtilization of(Node node, long cpu, long mem) {
    Resources alloc = node.allocatable();
    double c = alloc.milliCpu() > 0 ? (double) cpu / alloc.milliCpu() : 0;
    double m = alloc.memory() > 0 ? (double) mem / alloc.memory() : 0;
    return new NodeUtilization(c, m);
  }

  static NodeUtilization of(Node node, List<Pod> pods, long now) {
    long cpu = 0;
    long mem = 0;
    for (Pod p : pods) {
      if (DrainabilityRules.isLongTerminating(p, now)) {
        continue;
      }
      Resources r = p.spec().requests();
      cpu += r.milliCpu();
      mem += r.memory();
    }
    Resources alloc = node.allocatable();
    double c = alloc.milliCpu() > 0 ? (double) cpu / alloc.milliCpu() : 0;
    double m = alloc.memory() > 0 ? (double) mem / alloc.memory() : 0;
    return new NodeUtilization(c, m);
  }

  @Override
  public String toString() {
    return String.format(java.util.Locale.ROOT, "{cpu:%.3f memory:%.3f}", cpu, memory);
  }
}
