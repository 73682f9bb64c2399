package io.hns.model.autoscaler;

import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Times;
import java.util.HashSet;
import java.util.Set;

/**
 * A node being drained across loops (CA's asynchronous {@code actuation/drain.go}): started at,
 * the pods whose eviction was accepted, and when the last eviction was accepted (then the drain
 * waits for the pods to terminate).
 */
final class NodeDrain {
  final String nodeName;
  final String groupId;
  final Taint taint;
  final long startedAt;
  final Set<String> evicted = new HashSet<>();
  long evictionsDoneAt = Times.UNSET;

  NodeDrain(String nodeName, String groupId, Taint taint, long startedAt) {
    this.nodeName = nodeName;
    this.groupId = groupId;
    this.taint = taint;
    this.startedAt = startedAt;
  }

  boolean evictionsDone() {
    return Times.isSet(evictionsDoneAt);
  }
}
