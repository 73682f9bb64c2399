package io.hns.live.record;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hns.model.resource.Quantities;
import io.hns.traces.recorded.EventEntry;
import io.hns.traces.recorded.LoadEntry;
import io.hns.traces.recorded.MetaEntry;
import io.hns.traces.recorded.NodeEntry;
import io.hns.traces.recorded.NodeKind;
import io.hns.traces.recorded.PodEntry;
import io.hns.traces.recorded.PodsEntry;
import io.hns.traces.recorded.RecordedEntry;
import io.hns.traces.recorded.RecordedTraceWriter;
import io.hns.traces.recorded.ReplicasEntry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches a namespace (and the nodes) and writes what it sees in the {@code recorded} trace format
 * of the traces module (docs/traces.md), through its {@link RecordedTraceWriter}: a {@code meta}
 * line first; {@code node} and {@code pod} lines whenever something about them changes;
 * {@code replicas} when a Deployment's desired or ready count changes; the namespace's
 * {@code event}s; and every {@code sampleInterval}, per workload, a {@code pods} line (pods by node
 * kind) and a {@code load} line ({@code cpu_millicores} from the metrics API). Each line is flushed
 * as written, so a recording stopped at any moment keeps every whole line.
 */
public final class ClusterRecorder implements AutoCloseable {
  private final KubernetesClient client;
  private final String namespace;
  private final RecordedTraceWriter out;
  private final Clock clock;
  private final Duration sampleInterval;
  private final String cluster;
  private final String recorder;
  private final Consumer<String> onError;
  private final Map<String, Object> lastWritten = new ConcurrentHashMap<>();
  private final Map<String, NodeKind> nodeKinds = new ConcurrentHashMap<>();
  private final Map<String, Long> runningSeen = new ConcurrentHashMap<>();
  private final Map<String, Long> lastSample = new HashMap<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private SharedIndexInformer<Pod> pods;
  private ScheduledExecutorService sampler;

  /**
   * @param sampleInterval how often pod counts and CPU are sampled (the {@code meta} line's {@code interval_ms})
   * @param cluster the cluster's name for the {@code meta} line (null: none)
   * @param recorder what writes the file, e.g. {@code hns record 0.1.0}
   */
  public ClusterRecorder(KubernetesClient client, String namespace, RecordedTraceWriter out, Clock clock,
      Duration sampleInterval, String cluster, String recorder, Consumer<String> onError) {
    this.client = client;
    this.namespace = namespace;
    this.out = out;
    this.clock = clock;
    this.sampleInterval = sampleInterval;
    this.cluster = cluster;
    this.recorder = recorder;
    this.onError = onError;
  }

  public ClusterRecorder start() {
    write(new MetaEntry(clock.millis(), MetaEntry.CURRENT_VERSION, cluster, sampleInterval.toMillis(), recorder));
    informers.add(client.nodes().inform(handler(this::node, this::nodeGone)));
    pods = client.pods().inNamespace(namespace).inform(handler(this::pod, this::podGone));
    informers.add(pods);
    informers.add(client.apps().deployments().inNamespace(namespace).inform(handler(this::deployment, d -> {})));
    informers.add(client.v1().events().inNamespace(namespace).inform(handler(this::event, e -> {})));
    sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hns-record-sample");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleWithFixedDelay(this::sample, 0, sampleInterval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void node(Node n) {
    nodeKinds.put(n.getMetadata().getName(), Observations.kind(n));
    writeNode(Observations.node(clock.millis(), n, null));
  }

  private void nodeGone(Node n) {
    writeNode(Observations.node(clock.millis(), n, clock.millis()));
  }

  private void writeNode(NodeEntry e) {
    NodeEntry state = new NodeEntry(0, e.name(), e.kind(), e.pool(), e.vmSize(), e.createdMs(), e.readyMs(), e.deletedMs());
    if (changed("node/" + e.name(), state)) {
      write(e);
    }
  }

  private void pod(Pod p) {
    writePod(p, null);
  }

  private void podGone(Pod p) {
    writePod(p, clock.millis());
  }

  private void writePod(Pod p, Long deleted) {
    String key = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    if (p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) {
      runningSeen.putIfAbsent(key, clock.millis());
    }
    PodEntry e = Observations.pod(clock.millis(), p, nodeKinds::get, runningSeen.get(key), deleted);
    PodEntry state = new PodEntry(0, e.name(), e.namespace(), e.uid(), e.workload(), e.node(), e.nodeKind(), e.createdMs(),
        e.scheduledMs(), e.runningMs(), e.readyMs(), e.deletedMs(), e.reason());
    if (changed("pod/" + key, state)) {
      write(e);
    }
    if (deleted != null) {
      runningSeen.remove(key);
      lastWritten.remove("pod/" + key);
    }
  }

  private void deployment(Deployment d) {
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
    String name = d.getMetadata().getName();
    if (changed("replicas/" + name, List.of(desired, ready))) {
      write(new ReplicasEntry(clock.millis(), d.getMetadata().getNamespace(), name, desired, ready));
    }
  }

  private void event(Event e) {
    var o = e.getInvolvedObject();
    String object = o == null ? null : o.getKind() + "/" + (o.getNamespace() == null ? "" : o.getNamespace() + "/") + o.getName();
    String key = "event/" + e.getMetadata().getName();
    // An Event object is updated in place when it repeats (count++): one line per repetition.
    if (changed(key, List.of(Objects.toString(e.getCount(), ""), Objects.toString(e.getMessage(), "")))) {
      write(new EventEntry(clock.millis(), e.getType(), Objects.toString(e.getReason(), ""), object, e.getMessage()));
    }
  }

  /**
   * One sampling instant: per workload, its pods by node kind (from the pod informer's cache) and
   * its CPU usage summed over its pods (the metrics API; skipped with an error report when the
   * metrics API is unavailable).
   */
  void sample() {
    long t = clock.millis();
    Map<String, int[]> counts = new TreeMap<>(); // running vm, running virtual, ready vm, ready virtual, pending
    Map<String, String> workloadOf = new HashMap<>();
    for (Pod p : pods.getStore().list()) {
      String w = Observations.workload(p);
      if (w.isEmpty()) continue;
      workloadOf.put(p.getMetadata().getName(), w);
      int[] c = counts.computeIfAbsent(w, k -> new int[5]);
      String phase = p.getStatus() == null ? "" : Objects.toString(p.getStatus().getPhase(), "");
      if (p.getMetadata().getDeletionTimestamp() != null || phase.equals("Succeeded") || phase.equals("Failed")) continue;
      String node = p.getSpec() == null ? null : p.getSpec().getNodeName();
      NodeKind kind = node == null ? null : nodeKinds.get(node);
      if (phase.equals("Running") && kind != null) {
        c[kind == NodeKind.VM ? 0 : 1]++;
        if (isReady(p)) c[kind == NodeKind.VM ? 2 : 3]++;
      } else {
        c[4]++;
      }
    }
    Map<String, Long> cpu = new TreeMap<>();
    try {
      for (PodMetrics m : client.top().pods().metrics(namespace).getItems()) {
        String w = workloadOf.get(m.getMetadata().getName());
        if (w == null) continue;
        long milli = 0;
        for (ContainerMetrics c : m.getContainers()) {
          var q = c.getUsage() == null ? null : c.getUsage().get("cpu");
          if (q != null) milli += Quantities.milliValue(q.getAmount() + (q.getFormat() == null ? "" : q.getFormat()));
        }
        cpu.merge(w, milli, Long::sum);
      }
    } catch (RuntimeException e) {
      onError.accept("cannot read pod metrics: " + e.getMessage());
    }
    synchronized (lastSample) {
      counts.forEach((w, c) -> {
        // One sample per workload and instant: samples of one workload must increase in time.
        Long before = lastSample.put(w, t);
        if (before != null && before >= t) return;
        write(new PodsEntry(t, namespace, w, c[0], c[1], c[2], c[3], c[4]));
        Long milli = cpu.get(w);
        if (milli != null) {
          write(new LoadEntry(t, namespace, w, LoadEntry.CPU_MILLICORES, milli));
        }
      });
    }
  }

  private static boolean isReady(Pod p) {
    if (p.getStatus() == null || p.getStatus().getConditions() == null) return false;
    for (PodCondition c : p.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) return "True".equals(c.getStatus());
    }
    return false;
  }

  private boolean changed(String key, Object state) {
    return !Objects.equals(lastWritten.put(key, state), state);
  }

  /** The writer is not thread-safe; informers and the sampler write from their own threads. */
  private void write(RecordedEntry e) {
    synchronized (out) {
      out.write(e);
    }
  }

  private static <T> ResourceEventHandler<T> handler(Consumer<T> upsert, Consumer<T> gone) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T obj) {
        upsert.accept(obj);
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        upsert.accept(newObj);
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        gone.accept(obj);
      }
    };
  }

  @Override
  public void close() {
    if (sampler != null) {
      sampler.shutdownNow();
      try {
        sampler.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    informers.forEach(SharedIndexInformer::close);
  }
}
