package io.hns.simulator.plan;

/**
 * One unit of sweep work: replication {@code replication} (0-based) of point {@code point}
 * (1-based). Only identifiers, so that an engine can ship it anywhere; what to run is the
 * {@link TaskRunner}'s business. Serializable, for engines that ship tasks to other JVMs.
 */
public record RunTask(int point, int replication) implements java.io.Serializable {}
