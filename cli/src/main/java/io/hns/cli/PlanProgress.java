package io.hns.cli;

import io.hns.simulator.plan.RunRecord;
import io.hns.simulator.plan.SweepListener;
import java.util.concurrent.atomic.AtomicInteger;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The sweep's progress bar on standard error (runs done of planned, with the ETA), shrinking when
 * a point stops early; it also counts finished runs for the message an interruption prints.
 */
final class PlanProgress implements SweepListener, AutoCloseable {
  private final boolean enabled;
  private final String task;
  private final AtomicInteger finished = new AtomicInteger();
  private ProgressBar bar;
  private long planned;

  PlanProgress(boolean enabled, String task) {
    this.enabled = enabled && System.console() != null;
    this.task = task;
  }

  /** Runs finished by this process (resumed ones not counted). */
  int finished() {
    return finished.get();
  }

  @Override
  public void started(int plannedRuns, int alreadyDone) {
    planned = plannedRuns;
    if (enabled) {
      bar = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(plannedRuns)
          .setUnit(" runs", 1)
          .setStyle(ProgressBarStyle.ASCII)
          // Narrower than the terminal: a bar that fills the last column wraps onto a new line each update.
          .setMaxRenderedLength(110)
          .setUpdateIntervalMillis(250)
          .continuousUpdate()
          // Resumed runs count as done, but the ETA comes from this session's speed only.
          .startsFrom(Math.min(alreadyDone, plannedRuns), java.time.Duration.ZERO)
          .build();
    }
  }

  @Override
  public void runFinished(RunRecord run) {
    finished.incrementAndGet();
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void pointStopped(int point, int replications, int runsSaved) {
    planned -= runsSaved;
    if (bar != null) {
      bar.maxHint(planned);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
