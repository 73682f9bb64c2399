package io.hns.live.record;

/** A pod's lifecycle as far as observed; times epoch ms or {@link io.hns.model.cluster.Times#UNSET}. */
public record PodTimes(String namespace, String name, String workload, String node, String nodeKind, long created,
    long scheduled, long running, long ready, long deleted) {}
