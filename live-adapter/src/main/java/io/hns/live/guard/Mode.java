package io.hns.live.guard;

import io.hns.live.Decision.Outcome;

/** Whether this loop's decisions reach the cluster, and if not, why not. */
public enum Mode {
  ACTING(Outcome.APPLIED),
  DRY_RUN(Outcome.DRY_RUN),
  NOT_LEADER(Outcome.NOT_LEADER),
  GUARD_STOPPED(Outcome.GUARD_STOPPED);

  private final Outcome withheld;

  Mode(Outcome withheld) {
    this.withheld = withheld;
  }

  /** The outcome of a decision this mode does not carry out. */
  public Outcome withheld() {
    return withheld;
  }
}
