package io.hns.model.scheduler;

import io.hns.model.cluster.Pod;

/** What one scheduling attempt knows: the pod and the snapshot it is placed against. */
public record CycleState(Pod pod, ClusterSnapshot snapshot) {}
