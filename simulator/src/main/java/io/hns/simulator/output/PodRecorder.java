package io.hns.simulator.output;

import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Follows every pod from creation to deletion and yields the rows of pods.csv. */
public final class PodRecorder implements StateListener {
  private static final class Row {
    String pod;
    String namespace;
    String workload;
    long created = -1;
    long scheduled = -1;
    String node = "";
    String nodeKind = "";
    long running = -1;
    long ready = -1;
    long deleted = -1;
    PodPhase phase = PodPhase.PENDING;
    String reason = "";
  }

  private final ClusterState state;
  private final Function<Pod, String> workloadOf;
  private final Map<String, Row> live = new LinkedHashMap<>();
  private final List<Row> done = new ArrayList<>();

  public PodRecorder(ClusterState state, Function<Pod, String> workloadOf) {
    this.state = state;
    this.workloadOf = workloadOf;
  }

  @Override
  public void podAdded(Pod pod) {
    Row r = new Row();
    r.pod = pod.name();
    r.namespace = pod.namespace();
    r.workload = workloadOf.apply(pod);
    r.created = state.now();
    live.put(pod.key(), r);
    podUpdated(pod, pod);
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    Row r = live.get(after.key());
    if (r == null) {
      return;
    }
    long now = state.now();
    if (after.isAssigned() && r.scheduled < 0) {
      r.scheduled = now;
      r.node = after.nodeName();
      r.nodeKind = state.kindOf(after.nodeName()) == NodeKind.VIRTUAL ? "virtual" : "vm";
    }
    if (after.phase() == PodPhase.RUNNING && r.running < 0) {
      r.running = now;
    }
    if (after.isReady() && r.ready < 0) {
      r.ready = now;
    }
    r.phase = after.phase();
    if (!after.reason().isEmpty()) {
      r.reason = after.reason();
    } else if (after.unschedulable() && !after.isAssigned()) {
      r.reason = "Unschedulable";
    } else if (after.isAssigned() && "Unschedulable".equals(r.reason)) {
      r.reason = "";
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    Row r = live.remove(pod.key());
    if (r != null) {
      r.deleted = state.now();
      done.add(r);
    }
  }

  /** Every pod seen, deleted ones first in deletion order, then live ones in creation order. */
  public List<PodRecord> records() {
    List<PodRecord> out = new ArrayList<>();
    for (Row r : done) out.add(toRecord(r));
    for (Row r : live.values()) out.add(toRecord(r));
    return out;
  }

  private static PodRecord toRecord(Row r) {
    return new PodRecord(r.pod, r.namespace, r.workload, r.created, r.scheduled, r.node, r.nodeKind,
        r.running, r.ready, r.deleted, r.phase.wireName(), r.reason);
  }
}
