package io.hns.live.record;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hns.model.cluster.Times;
import io.hns.model.resource.Quantities;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
 * Watches a namespace (and the nodes) and writes what it sees as a {@link RecordedTraceWriter}
 * trace: node and pod lifecycles whenever a timestamp becomes known, Deployment replicas when they
 * change, the namespace's Events, and per-workload CPU from the metrics API every
 * {@code loadInterval}. Lines repeat only when something changed.
 */
public final class ClusterRecorder implements AutoCloseable {
  private final KubernetesClient client;
  private final String namespace;
  private final RecordedTraceWriter out;
  private final Clock clock;
  private final Duration loadInterval;
  private final Consumer<String> onError;
  private final Map<String, Object> lastWritten = new ConcurrentHashMap<>();
  private final Map<String, String> nodeKinds = new ConcurrentHashMap<>();
  private final Map<String, Long> runningSeen = new ConcurrentHashMap<>();
  private final List<SharedIndexInformer<?>> informers = new ArrayList<>();
  private ScheduledExecutorService loadPoller;

  public ClusterRecorder(KubernetesClient client, String namespace, RecordedTraceWriter out, Clock clock, Duration loadInterval,
      Consumer<String> onError) {
    this.client = client;
    this.namespace = namespace;
    this.out = out;
    this.clock = clock;
    this.loadInterval = loadInterval;
    this.onError = onError;
  }

  public ClusterRecorder start() {
    informers.add(client.nodes().inform(handler(this::node, this::nodeGone)));
    informers.add(client.pods().inNamespace(namespace).inform(handler(this::pod, this::podGone)));
    informers.add(client.apps().deployments().inNamespace(namespace).inform(handler(this::deployment, d -> {})));
    informers.add(client.v1().events().inNamespace(namespace).inform(handler(this::event, e -> {})));
    loadPoller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "hns-record-load");
      t.setDaemon(true);
      return t;
    });
    loadPoller.scheduleWithFixedDelay(this::pollLoad, 0, loadInterval.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  private void node(Node n) {
    String kind = Lifecycles.isVirtual(n) ? "virtual" : "vm";
    nodeKinds.put(n.getMetadata().getName(), kind);
    writeNode(n, kind, Times.UNSET);
  }

  private void nodeGone(Node n) {
    writeNode(n, Lifecycles.isVirtual(n) ? "virtual" : "vm", clock.millis());
  }

  private void writeNode(Node n, String kind, long deleted) {
    String name = n.getMetadata().getName();
    List<Object> state = List.of(kind, Lifecycles.pool(n), Times.parse(n.getMetadata().getCreationTimestamp()),
        Lifecycles.nodeReady(n), deleted);
    if (changed("node/" + name, state)) {
      out.node(clock.millis(), name, kind, Lifecycles.pool(n), (long) state.get(2), (long) state.get(3), deleted);
    }
  }

  private void pod(Pod p) {
    writePod(p, Times.UNSET);
  }

  private void podGone(Pod p) {
    writePod(p, clock.millis());
  }

  private void writePod(Pod p, long deleted) {
    String key = p.getMetadata().getNamespace() + "/" + p.getMetadata().getName();
    if (p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) {
      runningSeen.putIfAbsent(key, clock.millis());
    }
    PodTimes times = Lifecycles.pod(p, node -> nodeKinds.getOrDefault(node, ""), runningSeen.getOrDefault(key, Times.UNSET), deleted);
    if (changed("pod/" + key, times)) {
      out.pod(clock.millis(), times);
    }
    if (Times.isSet(deleted)) {
      runningSeen.remove(key);
      lastWritten.remove("pod/" + key);
    }
  }

  private void deployment(Deployment d) {
    int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int ready = d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
    String name = d.getMetadata().getName();
    if (changed("replicas/" + name, List.of(desired, ready))) {
      out.replicas(clock.millis(), d.getMetadata().getNamespace(), name, desired, ready);
    }
  }

  private void event(Event e) {
    var o = e.getInvolvedObject();
    String object = o == null ? "" : o.getKind() + "/" + (o.getNamespace() == null ? "" : o.getNamespace() + "/") + o.getName();
    String key = "event/" + e.getMetadata().getName();
    // An Event object is updated in place when it repeats (count++): one line per repetition.
    if (changed(key, List.of(Objects.toString(e.getCount(), ""), Objects.toString(e.getMessage(), "")))) {
      out.event(clock.millis(), object, Objects.toString(e.getReason(), ""), Objects.toString(e.getMessage(), ""));
    }
  }

  /** Sums CPU usage per workload; pods are matched to workloads through the pod informer's cache. */
  void pollLoad() {
    try {
      Map<String, String> workloadOf = new java.util.HashMap<>();
      for (Pod p : client.pods().inNamespace(namespace).list().getItems()) {
        workloadOf.put(p.getMetadata().getName(), Lifecycles.workload(p));
      }
      Map<String, Long> cpu = new TreeMap<>();
      for (PodMetrics m : client.top().pods().metrics(namespace).getItems()) {
        String w = workloadOf.getOrDefault(m.getMetadata().getName(), "");
        if (w.isEmpty()) continue;
        long milli = 0;
        for (ContainerMetrics c : m.getContainers()) {
          var q = c.getUsage() == null ? null : c.getUsage().get("cpu");
          if (q != null) milli += Quantities.milliValue(q.getAmount() + (q.getFormat() == null ? "" : q.getFormat()));
        }
        cpu.merge(w, milli, Long::sum);
      }
      long t = clock.millis();
      cpu.forEach((w, milli) -> out.load(t, namespace, w, milli));
    } catch (RuntimeException e) {
      onError.accept("cannot read pod metrics: " + e.getMessage());
    }
  }

  private boolean changed(String key, Object state) {
    return !Objects.equals(lastWritten.put(key, state), state);
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
    if (loadPoller != null) {
      loadPoller.shutdownNow();
    }
    informers.forEach(SharedIndexInformer::close);
  }
}
