package io.hns.simulator.controller;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodRef;
import io.hns.model.cluster.PodSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.simulator.engine.Engine;
import io.hns.simulator.load.DemandMeter;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.StateListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * metrics-server: every {@code resolution} (15 s, its default since v0.6) it scrapes the kubelets
 * and publishes one sample per Running pod, averaged over the window that just ended. A pod's CPU
 * usage is its utilization times its CPU request: the offered load's share for pods of the loaded
 * workload, an idle baseline for others. Pods that were not Running at the scrape have no sample
 * (the HPA counts them as missing).
 *
 * <p>Samples are made when asked for, from what the pod was at the last scrape: a scrape only
 * records its time and each load's utilization, and the server, as a state listener, keeps for
 * every pod name its current record and, once it changes after a scrape, the record it had at that
 * scrape. So a scrape costs nothing per pod, and a sample is the one the scrape would have taken
 * (a pod gone since keeps it until the next scrape, under its name).
 */
public final class MetricsServer implements StateListener {
  /** What the server knows of one pod name. */
  private static final class Entry {
    final PodRef ref;
    Pod pod; // current record, null once removed
    int load = -1; // the current pod's load, an index into the loads (DemandMeter maps it at creation)
    long cpuRequest; // the current record's CPU request
    long frozenEpoch = -1; // the scrape epoch whose record is frozen below
    Pod frozenPod; // the record at that scrape (null: the name did not exist then)
    int frozenLoad = -1;
    long frozenCpuRequest;
    long sampleEpoch = -1;
    PodUsage sample;

    Entry(PodRef ref) {
      this.ref = ref;
    }
  }

  private final ClusterState state;
  private final DemandMeter demand;
  private final long resolutionMs;
  private final double idleUtilization;
  private final Map<PodRef, Entry> byRef = new HashMap<>();
  private final Map<Pod, Entry> byRecord = new IdentityHashMap<>();
  private final List<Entry> removed = new ArrayList<>();
  private final Map<DemandMeter.Load, Integer> loadIndex = new IdentityHashMap<>();
  private final DemandMeter.Load[] loads;
  /** Scrapes so far; 0 before the first. */
  private long epoch;
  private long scrapeTime;
  private double[] utilizationAtScrape;

  /** Registers as a state listener after the {@link DemandMeter} (which must map pods to loads first). */
  public MetricsServer(Engine engine, ClusterState state, DemandMeter demand, long resolutionMs, double idleUtilization) {
    this.state = state;
    this.demand = demand;
    this.resolutionMs = resolutionMs;
    this.idleUtilization = idleUtilization;
    this.loads = demand.loads().toArray(new DemandMeter.Load[0]);
    for (int i = 0; i < loads.length; i++) {
      loadIndex.put(loads[i], i);
    }
    this.utilizationAtScrape = new double[loads.length];
    for (Pod p : state.pods()) {
      podAdded(p);
    }
    state.listen(this);
    engine.every(resolutionMs, resolutionMs, Engine.PRIORITY_OBSERVER, this::scrape);
  }

  /** Before a pod name's first change after the last scrape, keeps what it was at that scrape. */
  private void freeze(Entry e) {
    if (e.frozenEpoch != epoch) {
      e.frozenEpoch = epoch;
      e.frozenPod = e.pod;
      e.frozenLoad = e.load;
      e.frozenCpuRequest = e.cpuRequest;
    }
  }

  @Override
  public void podAdded(Pod pod) {
    PodRef ref = pod.ref();
    Entry e = byRef.get(ref);
    if (e == null) {
      e = new Entry(ref);
      byRef.put(ref, e);
    }
    follow(e);
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    Entry e = byRef.get(after.ref());
    if (e != null) {
      follow(e);
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    Entry e = byRef.get(pod.ref());
    if (e != null) {
      follow(e);
    }
  }

  /**
   * Brings an entry to the state's current record of its name (not the notification's: a listener
   * notified earlier may have changed the pod again, and that notification may come first).
   */
  private void follow(Entry e) {
    freeze(e);
    Pod now = state.pod(e.ref);
    Pod was = e.pod;
    if (now == was) {
      return;
    }
    if (was != null) {
      byRecord.remove(was);
    }
    e.pod = now;
    if (now == null) {
      e.load = -1;
      removed.add(e);
      return;
    }
    byRecord.put(now, e);
    if (was == null || was.spec() != now.spec()) {
      e.cpuRequest = cpuRequest(now.spec());
    }
    DemandMeter.Load load = demand.loadOf(now);
    e.load = load == null ? -1 : loadIndex.get(load);
  }

  private void scrape() {
    epoch++;
    scrapeTime = state.now();
    double[] u = new double[loads.length];
    for (int i = 0; i < loads.length; i++) {
      u[i] = demand.utilization(loads[i]);
    }
    utilizationAtScrape = u;
    // Names removed before this scrape had no pod at it: forget them (unless reused since).
    for (Entry e : removed) {
      if (e.pod == null) {
        byRef.remove(e.ref, e);
      }
    }
    removed.clear();
  }

  /** The sample of the pod of this name at the last scrape, or null. */
  private PodUsage sample(Entry e) {
    if (e == null || epoch == 0) {
      return null;
    }
    if (e.sampleEpoch == epoch) {
      return e.sample;
    }
    boolean frozen = e.frozenEpoch == epoch;
    Pod p = frozen ? e.frozenPod : e.pod;
    int load = frozen ? e.frozenLoad : e.load;
    PodUsage s = null;
    if (p != null && p.phase() == PodPhase.RUNNING && !p.isDeleting()) {
      double utilization = load < 0 ? idleUtilization : p.isReady() ? utilizationAtScrape[load] : 0;
      long cpu = Math.round((frozen ? e.frozenCpuRequest : e.cpuRequest) * utilization);
      long memory = p.spec().requests().memory() / 2;
      s = new PodUsage(p.namespace(), p.name(), p.labels(), scrapeTime, resolutionMs, cpu, memory);
    }
    e.sample = s;
    e.sampleEpoch = epoch;
    return s;
  }

  /** The sum of the containers' CPU requests (the spec's request without container detail). */
  private static long cpuRequest(PodSpec spec) {
    long cpuRequest = 0;
    for (ContainerRequest c : spec.containers()) {
      cpuRequest += Math.max(0, c.milliCpu());
    }
    if (spec.containers().isEmpty()) {
      cpuRequest = spec.requests().milliCpu();
    }
    return cpuRequest;
  }

  private Entry entry(Pod p) {
    Entry e = byRecord.get(p);
    return e != null ? e : byRef.get(p.ref());
  }

  /** The latest samples of these pods (those without one are absent). */
  public List<PodUsage> samples(List<Pod> pods) {
    List<PodUsage> out = new ArrayList<>();
    for (Pod p : pods) {
      PodUsage u = sample(entry(p));
      if (u != null) {
        out.add(u);
      }
    }
    return out;
  }

  /** The latest sample of each of these pods, null where a pod has none (aligned with the list). */
  public PodUsage[] samplesOf(List<Pod> pods) {
    PodUsage[] out = new PodUsage[pods.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = sample(entry(pods.get(i)));
    }
    return out;
  }
}
