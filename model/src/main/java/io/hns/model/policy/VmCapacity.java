package io.hns.model.policy;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.ClusterSnapshot;
import io.hns.model.scheduler.NodeInfo;
import io.hns.model.scheduler.Scheduler;
import io.hns.model.scheduler.SchedulerProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * How many more copies of a pod the Ready VM nodes can take now, by the scheduler's own filters on
 * a snapshot of the observed cluster (first fit, one copy at a time).
 */
final class VmCapacity {
  private final Scheduler scheduler = new Scheduler(SchedulerProfile.current());
  private final ClusterSnapshot snapshot;
  private final List<String> vmNodes = new ArrayList<>();
  private int copies;

  VmCapacity(List<Node> nodes, List<Pod> pods) {
    List<Pod> placed = pods.stream().filter(p -> p.isAssigned() && p.isActive()).toList();
    snapshot = ClusterSnapshot.of(nodes, placed);
    for (Node n : nodes) {
      if (n.kind() == NodeKind.VM && n.ready() && !n.unschedulable()) {
        vmNodes.add(n.name());
      }
    }
  }

  /**
   * Places up to {@code limit} copies of {@code pod} (ignoring its own node) and returns how many fit.
   * A copy is what the ReplicaSet would create: not bound, and without the {@code spec.nodeName} a
   * pod read from a live cluster carries once bound (which the NodeName filter would pin to the
   * node it is on).
   */
  int reserve(Pod pod, int limit) {
    io.hns.model.cluster.PodSpec.Builder unbound = pod.spec().toBuilder();
    unbound.nodeName = "";
    Pod template = new Pod(pod.namespace(), pod.name(), pod.uid(), pod.labels(), pod.annotations(), pod.owner(),
        unbound.build(), "", pod.phase(), pod.ready(), pod.readyTransitionTime(), pod.creationTime(), pod.startTime(),
        io.hns.model.cluster.Times.UNSET, pod.restartCount(), pod.unschedulable(), pod.reason());
    int placed = 0;
    while (placed < limit) {
      String node = firstFit(template);
      if (node == null) {
        break;
      }
      snapshot.addPod(renamed(template, copies).withNodeName(node));
      copies++;
      placed++;
    }
    return placed;
  }

  private String firstFit(Pod template) {
    Pod probe = renamed(template, copies);
    for (String name : vmNodes) {
      NodeInfo info = snapshot.get(name);
      if (info != null && scheduler.fits(probe, snapshot, name)) {
        return name;
      }
    }
    return null;
  }

  private static Pod renamed(Pod p, int n) {
    return new Pod(p.namespace(), p.name() + "-reserved-" + n, p.uid(), p.labels(), p.annotations(), p.owner(),
        p.spec(), p.nodeName(), p.phase(), p.ready(), p.readyTransitionTime(), p.creationTime(), p.startTime(),
        p.deletionTime(), p.restartCount(), p.unschedulable(), p.reason());
  }
}
