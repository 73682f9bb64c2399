package io.hns.model.autoscaler;

import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.port.ClusterActions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Records every call; evictions succeed unless {@link #evictionAllowed} refuses (a PDB). */
final class FakeClusterActions implements ClusterActions {
  record Event(String objectRef, String type, String reason, String message) {}

  record TaintCall(String node, Taint taint, boolean add) {}

  final List<Event> events = new ArrayList<>();
  final List<TaintCall> taints = new ArrayList<>();
  final List<String> evictions = new ArrayList<>();
  final List<String> refusedEvictions = new ArrayList<>();
  final List<String> deletedPods = new ArrayList<>();
  Predicate<String> evictionAllowed = podName -> true;

  @Override
  public void scale(String namespace, String kind, String name, int replicas, String reason) {
    throw new UnsupportedOperationException("the cluster autoscaler does not scale workloads");
  }

  @Override
  public void createPod(Pod pod, String reason) {
    throw new UnsupportedOperationException("the cluster autoscaler does not create pods");
  }

  @Override
  public void deletePod(String namespace, String name, String reason) {
    deletedPods.add(name);
  }

  @Override
  public boolean evictPod(String namespace, String name, String reason) {
    if (evictionAllowed.test(name)) {
      evictions.add(name);
      return true;
    }
    refusedEvictions.add(name);
    return false;
  }

  @Override
  public void taintNode(String nodeName, Taint taint, boolean add) {
    taints.add(new TaintCall(nodeName, taint, add));
  }

  @Override
  public void event(String objectRef, String type, String reason, String message) {
    events.add(new Event(objectRef, type, reason, message));
  }

  List<Event> events(String reason) {
    return events.stream().filter(e -> e.reason().equals(reason)).toList();
  }

  void clear() {
    events.clear();
    taints.clear();
    evictions.clear();
    refusedEvictions.clear();
    deletedPods.clear();
  }
}
