package io.hns.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on standard error for long runs (simulated seconds done), or nothing. */
final class ProgressDisplay implements AutoCloseable {
  private final ProgressBar bar;

  private ProgressDisplay(ProgressBar bar) {
    this.bar = bar;
  }

  static ProgressDisplay create(boolean enabled, String task, long totalMs) {
    if (!enabled || System.console() == null) {
      return new ProgressDisplay(null);
    }
    return new ProgressDisplay(new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(totalMs / 1000)
        .setUnit(" sim-s", 1)
        .setStyle(ProgressBarStyle.ASCII)
        .setUpdateIntervalMillis(250)
        .continuousUpdate()
        .build());
  }

  void update(long doneMs, long totalMs) {
    if (bar != null) {
      bar.stepTo(doneMs / 1000);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
