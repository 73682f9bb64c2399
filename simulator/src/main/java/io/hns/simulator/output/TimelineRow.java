package io.hns.simulator.output;

/** One row of timeline.csv: the cluster at one instant (see docs/outputs.md for each column). */
public record TimelineRow(
    long time,
    double loadRps,
    double servedRps,
    double unservedRps,
    int replicasDesired,
    int podsPending,
    int podsRunningVm,
    int podsRunningVirtual,
    int podsReadyVm,
    int podsReadyVirtual,
    int nodesReady,
    int nodesNotReady,
    int nodesCreating,
    double costVm,
    double costAci) {}
