package io.hns.simulator.plan;

/**
 * Runs one task: one deterministic simulation. The same task gives the same record on any thread,
 * machine or engine, which is what lets engines differ only in where tasks run.
 */
@FunctionalInterface
public interface TaskRunner {
  RunRecord run(RunTask task);
}
