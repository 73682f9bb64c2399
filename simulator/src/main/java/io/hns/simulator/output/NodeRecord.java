package io.hns.simulator.output;

/** One row of nodes.csv; times in ms from the start, -1 when it never happened. */
public record NodeRecord(String node, String pool, String kind, String vmSize, long created, long ready, long deleted) {}
