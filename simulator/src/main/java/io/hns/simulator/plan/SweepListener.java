package io.hns.simulator.plan;

/** What a sweep reports as it goes (the CLI's progress bar); every call comes from the driver's thread. */
public interface SweepListener {
  SweepListener NONE = new SweepListener() {};

  /** Before the first run: the most runs the sweep can take, and how many are already on disk. */
  default void started(int plannedRuns, int alreadyDone) {}

  default void runFinished(RunRecord run) {}

  /** A point met its stop rule after {@code replications} runs, so {@code runsSaved} fewer are planned. */
  default void pointStopped(int point, int replications, int runsSaved) {}
}
