package io.hns.model.replicaset;

import io.hns.model.cluster.ConditionStatus;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Times;
import java.time.Duration;
import java.time.Instant;

/** Pods for the scale-down tests: Running, Ready and assigned unless a test says otherwise. */
final class TestPods {
  static final long NOW = Instant.parse("2025-06-01T12:00:00Z").toEpochMilli();
  static final PodSpec SPEC = PodSpec.builder().build();
  static final OwnerRef OWNER = new OwnerRef("ReplicaSet", "web-5d8f7c9b4", "rs-uid");

  private TestPods() {}

  /** A Running pod on {@code node}, ready since {@code readyAgo} before {@link #NOW}. */
  static Pod.Builder running(String name, String node, Duration readyAgo) {
    long readyAt = NOW - readyAgo.toMillis();
    return Pod.builder("default", name, SPEC)
        .uid("uid-" + name)
        .owner(OWNER)
        .nodeName(node)
        .phase(PodPhase.RUNNING)
        .ready(ConditionStatus.TRUE, readyAt)
        .creationTime(readyAt - 30_000);
  }

  /** A pod on {@code node} with everything rules 6 and 8 look at identical. */
  static Pod.Builder plain(String name, String node) {
    return running(name, node, Duration.ofHours(1)).creationTime(NOW - Duration.ofHours(2).toMillis());
  }

  static Pod.Builder withCost(Pod.Builder b, String cost) {
    return b.annotations(Labels.of(Pod.DELETION_COST_ANNOTATION, cost));
  }

  static Pod.Builder notReady(Pod.Builder b) {
    return b.ready(ConditionStatus.FALSE, NOW - 1_000);
  }

  static long ago(Duration d) {
    return NOW - d.toMillis();
  }

  static final long UNSET = Times.UNSET;
}
