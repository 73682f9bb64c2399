package io.hns.simulator.plan;

import java.util.List;

/**
 * How many replications each point runs. Without a stop rule: all of them, in one wave. With one:
 * the largest {@code minReplications} first, then batches of the smallest {@code checkEvery},
 * until every rule holds on the runs so far or the sweep's {@code replications} are done. The
 * decision reads runs in replication order and only at batch ends, so it is the same whatever the
 * thread count, the engine or an interruption.
 */
final class ReplicationSchedule {
  private final int replications;
  private final List<StopRule> rules;
  private final double confidence;

  ReplicationSchedule(Sweep sweep) {
    this.replications = sweep.replications();
    this.rules = sweep.stopWhen();
    this.confidence = sweep.confidence();
  }

  int firstBatch() {
    return rules.isEmpty() ? replications
        : Math.min(replications, rules.stream().mapToInt(StopRule::minReplications).max().orElse(replications));
  }

  /** Runs to add after {@code done}: the next batch, or 0 when the point is finished. */
  int nextBatch(int done, List<RunRecord> runsInOrder) {
    if (done >= replications || (!rules.isEmpty() && allMet(runsInOrder))) {
      return 0;
    }
    int every = rules.stream().mapToInt(StopRule::checkEvery).min().orElse(replications);
    return Math.min(every, replications - done);
  }

  boolean allMet(List<RunRecord> runs) {
    for (StopRule r : rules) {
      double[] values = runs.stream().mapToDouble(x -> x.metric(r.metric())).toArray();
      if (!r.metBy(Estimate.of(values, confidence))) {
        return false;
      }
    }
    return true;
  }

  int replications() {
    return replications;
  }
}
