package io.hns.simulator.controller;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.scheduler.Placement;
import io.hns.model.scheduler.Preemption;
import io.hns.model.scheduler.Scheduler;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import io.hns.simulator.state.StateListener;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * kube-scheduler's queue and cycle (pkg/scheduler/backend/queue/scheduling_queue.go): new pods enter
 * the active queue (higher priority first, then first in); a pod that fits nowhere is marked
 * PodScheduled=False/Unschedulable with a FailedScheduling event and parked until a cluster event
 * that may help (a node added or changed, a pod removed), after a per-pod backoff of 1 s doubling
 * to 10 s; parked pods are retried anyway after 5 minutes. Binding is immediate.
 */
public final class SchedulerLoop implements StateListener {
  static final long INITIAL_BACKOFF_MS = 1_000;
  static final long MAX_BACKOFF_MS = 10_000;
  static final long MAX_UNSCHEDULABLE_MS = 5 * 60_000;
  static final long FLUSH_PERIOD_MS = 30_000;

  private record Queued(Pod pod, long sequence) {}

  private final Engine engine;
  private final ClusterState state;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final PriorityQueue<Queued> active = new PriorityQueue<>(
      Comparator.comparingInt((Queued q) -> -q.pod().spec().priority()).thenComparingLong(Queued::sequence));
  private final Map<String, Long> parkedSince = new LinkedHashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, Long> backoffUntil = new HashMap<>();
  private long sequence;
  private boolean cycleScheduled;

  public SchedulerLoop(Engine engine, ClusterState state, Scheduler scheduler, RandomGenerator random) {
    this.engine = engine;
    this.state = state;
    this.scheduler = scheduler;
    this.random = random;
    engine.every(FLUSH_PERIOD_MS, FLUSH_PERIOD_MS, Engine.PRIORITY_CONTROLLER, this::flushLeftover);
  }

  @Override
  public void podAdded(Pod pod) {
    if (!pod.isAssigned() && isOurs(pod)) {
      enqueue(pod);
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    forget(pod.key());
    if (pod.isAssigned()) {
      moveAllToActive(); // freed resources may help parked pods
    }
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    if (after.isDeleting() || after.isAssigned()) {
      forget(after.key());
    }
  }

  @Override
  public void nodeAdded(Node node) {
    moveAllToActive();
  }

  @Override
  public void nodeUpdated(Node before, Node after) {
    if (!before.equals(after)) {
      moveAllToActive();
    }
  }

  private boolean isOurs(Pod pod) {
    return pod.spec().schedulerName().equals("default-scheduler") && pod.isActive();
  }

  private void enqueue(Pod pod) {
    parkedSince.remove(pod.key());
    active.add(new Queued(pod, sequence++));
    scheduleCycle();
  }

  private void forget(String key) {
    parkedSince.remove(key);
    attempts.remove(key);
    backoffUntil.remove(key);
  }

  private void scheduleCycle() {
    if (!cycleScheduled) {
      cycleScheduled = true;
      engine.after(0, Engine.PRIORITY_CONTROLLER, this::runCycles);
    }
  }

  /** Schedules every pod in the active queue, one cycle each, at this instant. */
  private void runCycles() {
    cycleScheduled = false;
    while (!active.isEmpty()) {
      Queued q = active.poll();
      Pod pod = state.pod(q.pod().key());
      if (pod == null || pod.isAssigned() || !pod.isActive()) {
        continue;
      }
      Placement placement = scheduler.schedule(pod, state.snapshot(), random, false);
      if (placement.scheduled()) {
        attempts.remove(pod.key());
        backoffUntil.remove(pod.key());
        // The event first: binding wakes the kubelet, whose own events must come after it.
        state.event(ObjectRef.pod(pod.namespace(), pod.name()), ClusterEvent.NORMAL, "Scheduled",
            "Successfully assigned " + pod.key() + " to " + placement.node());
        state.updatePod(pod.withNodeName(placement.node()));
      } else {
        int n = attempts.merge(pod.key(), 1, Integer::sum);
        long backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS << Math.min(20, n - 1));
        backoffUntil.put(pod.key(), engine.now() + backoff);
        parkedSince.put(pod.key(), engine.now());
        if (!pod.unschedulable()) {
          state.updatePod(pod.toBuilder().unschedulable(true).build());
        }
        state.event(ObjectRef.pod(pod.namespace(), pod.name()), ClusterEvent.WARNING, "FailedScheduling",
            placement.failureMessage() + preempt(pod));
      }
    }
  }

  /**
   * PostFilter: evict lower-priority pods (such as overprovisioning placeholders) to make room. The
   * preemptor stays parked and is retried when its victims are gone.
   */
  private String preempt(Pod pod) {
    Preemption.Plan plan = Preemption.find(scheduler, pod, state.snapshot());
    if (plan == null) {
      return " preemption: not helpful for scheduling.";
    }
    for (Pod victim : plan.victims()) {
      state.event(ObjectRef.pod(victim.namespace(), victim.name()), ClusterEvent.NORMAL, "Preempted",
          "Preempted by pod " + pod.uid() + " on node " + plan.node());
      PodLifecycle.delete(state, victim);
    }
    return " preemption: " + plan.victims().size() + " victim(s) on " + plan.node() + ".";
  }

  /** A cluster event: parked pods go back to the active queue once their backoff has passed. */
  private void moveAllToActive() {
    if (parkedSince.isEmpty()) {
      return;
    }
    for (String key : java.util.List.copyOf(parkedSince.keySet())) {
      long until = backoffUntil.getOrDefault(key, 0L);
      if (until <= engine.now()) {
        reactivate(key);
      } else {
        engine.at(until, Engine.PRIORITY_CONTROLLER, () -> {
          if (parkedSince.containsKey(key)) reactivate(key);
        });
      }
    }
  }

  private void reactivate(String key) {
    Pod pod = state.pod(key);
    parkedSince.remove(key);
    if (pod != null && !pod.isAssigned() && pod.isActive()) {
      active.add(new Queued(pod, sequence++));
      scheduleCycle();
    }
  }

  /** flushUnschedulablePodsLeftover: pods parked longer than 5 minutes are retried. */
  private void flushLeftover() {
    for (String key : java.util.List.copyOf(parkedSince.keySet())) {
      if (engine.now() - parkedSince.get(key) >= MAX_UNSCHEDULABLE_MS) {
        reactivate(key);
      }
    }
  }

  /** Pods waiting in the queue or parked as unschedulable. */
  public int pendingCount() {
    return active.size() + parkedSince.size();
  }
}
