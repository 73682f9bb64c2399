package io.hns.spark;

import io.hns.simulator.plan.RunRecord;
import io.hns.simulator.plan.RunTask;
import io.hns.simulator.plan.TaskRunner;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * What a Spark task does on an executor: runs each (point, replication) of its partition through
 * the sweep's {@link TaskRunner} (shipped in the closure as the sweep's data and rebuilt there) and
 * returns the records. A run that throws fails the task with a {@link TaskRunFailure} naming it.
 */
final class RunPartition extends AbstractFunction1<Iterator<List<RunTask>>, ArrayList<RunRecord>> implements Serializable {
  private static final long serialVersionUID = 1L;
  private final TaskRunner runner;

  RunPartition(TaskRunner runner) {
    this.runner = runner;
  }

  @Override
  public ArrayList<RunRecord> apply(Iterator<List<RunTask>> chunks) {
    ArrayList<RunRecord> out = new ArrayList<>();
    while (chunks.hasNext()) {
      for (RunTask t : chunks.next()) {
        try {
          out.add(runner.run(t));
        } catch (RuntimeException | Error e) {
          throw new TaskRunFailure(t, e);
        }
      }
    }
    return out;
  }
}
