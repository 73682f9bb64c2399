package io.hns.simulator.output;

/**
 * One row of pods.csv. Times are milliseconds from the start, -1 when it never happened.
 */
public record PodRecord(
    String pod,
    String namespace,
    String workload,
    long created,
    long scheduled,
    String node,
    String nodeKind,
    long running,
    long ready,
    long deleted,
    String finalPhase,
    String reason) {}
