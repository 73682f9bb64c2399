package io.hns.simulator.output;

import io.hns.simulator.state.ClusterEvent;
import java.util.List;
import java.util.Map;

/**
 * Everything one simulation run produced, in memory; {@link RunWriter} turns it into files.
 *
 * @param unservedRequests requests offered above Ready capacity, integrated over the run
 * @param offeredRequests all requests offered, integrated over the run
 */
public record RunResult(
    String scenario,
    String policy,
    long seed,
    int replication,
    long durationMs,
    List<TimelineRow> timeline,
    List<PodRecord> pods,
    List<NodeRecord> nodes,
    List<ClusterEvent> events,
    Map<String, Integer> eventsByReason,
    double costVm,
    double costAci,
    double aciPodSeconds,
    double offeredRequests,
    double unservedRequests,
    long eventsProcessed,
    long wallMs) {}
