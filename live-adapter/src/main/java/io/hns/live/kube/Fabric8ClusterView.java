package io.hns.live.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.hns.live.LiveSnapshot;
import io.hns.live.LiveView;
import io.hns.model.cluster.Workload;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.PodUsage;
import io.hns.model.manifest.DisruptionBudgetCompiler;
import io.hns.model.manifest.HpaCompiler;
import io.hns.model.manifest.NodeCompiler;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.manifest.WorkloadCompiler;
import io.hns.model.port.NodeGroup;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The model's {@link io.hns.model.port.ClusterView} served from fabric8 shared informers: nodes
 * cluster-wide; pods, Deployments, ReplicaSets, HPAs and PDBs in the allowed namespaces only (the
 * Role in deploy/ grants no more). Objects are compiled by the model's manifest compilers, so a
 * pod means the same thing here as in a file the simulator reads. Reads see the informer caches
 * as they are; {@link #snapshot()} freezes them for one reconcile.
 */
public final class Fabric8ClusterView implements LiveView, AutoCloseable {
  private final Clock clock;
  private final List<NodeGroup> nodeGroups = new CopyOnWriteArrayList<>();
  private final PodUsageReader usage;
  private final CompiledStore<Node, io.hns.model.cluster.Node> nodes;
  private final CompiledStore<Pod, io.hns.model.cluster.Pod> pods;
  private final CompiledStore<Deployment, Workload> deployments;
  private final CompiledStore<ReplicaSet, Workload> replicaSets;
  private final CompiledStore<HorizontalPodAutoscaler, HpaSpec> hpas;
  private final CompiledStore<PodDisruptionBudget, DisruptionBudget> pdbs;
  private final BiConsumer<String, RuntimeException> onError;

  /**
   * @param onError told of objects that do not compile and of metrics API failures (the loop counts
   *     them as errors; the view goes on without the object)
   */
  public Fabric8ClusterView(KubernetesClient client, Set<String> namespaces, Clock clock,
      BiConsumer<String, RuntimeException> onError) {
    this.clock = clock;
    this.onError = onError;
    this.usage = new PodUsageReader(client, namespaces, clock, Duration.ofSeconds(15), onError);
    this.nodes = store(List.of(client.nodes().runnableInformer(0)),
        n -> NodeCompiler.compile(FabricTrees.sourced("Node", "v1", n)));
    this.pods = store(each(namespaces, ns -> client.pods().inNamespace(ns).runnableInformer(0)),
        p -> PodCompiler.compile(FabricTrees.sourced("Pod", "v1", p)));
    this.deployments = store(each(namespaces, ns -> client.apps().deployments().inNamespace(ns).runnableInformer(0)),
        d -> WorkloadCompiler.compile(FabricTrees.sourced("Deployment", "apps/v1", d)));
    this.replicaSets = store(each(namespaces, ns -> client.apps().replicaSets().inNamespace(ns).runnableInformer(0)),
        r -> WorkloadCompiler.compile(FabricTrees.sourced("ReplicaSet", "apps/v1", r)));
    this.hpas = store(each(namespaces,
            ns -> client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).runnableInformer(0)),
        h -> HpaCompiler.compile(FabricTrees.sourced(HpaCompiler.KIND, "autoscaling/v2", h)));
    this.pdbs = store(each(namespaces, ns -> client.policy().v1().podDisruptionBudget().inNamespace(ns).runnableInformer(0)),
        b -> DisruptionBudgetCompiler.compile(FabricTrees.sourced(DisruptionBudgetCompiler.KIND, "policy/v1", b)));
  }

  /** Starts every informer and waits until each has listed once. */
  public Fabric8ClusterView start(Duration timeout) {
    List<CompletableFuture<Void>> started = new ArrayList<>();
    for (CompiledStore<?, ?> s : List.of(nodes, pods, deployments, replicaSets, hpas, pdbs)) {
      for (SharedIndexInformer<?> i : s.informers()) {
        started.add(i.start().toCompletableFuture());
      }
    }
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new io.hns.live.LiveException("cannot watch the cluster: " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new io.hns.live.LiveException("the cluster's objects were not listed within " + timeout.toSeconds() + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new io.hns.live.LiveException("interrupted while starting informers", e);
    }
    return this;
  }

  /** Whether every informer has synced (readiness). */
  public boolean synced() {
    for (CompiledStore<?, ?> s : List.of(nodes, pods, deployments, replicaSets, hpas, pdbs)) {
      for (SharedIndexInformer<?> i : s.informers()) {
        if (!i.hasSynced()) {
          return false;
        }
      }
    }
    return true;
  }

  public void addNodeGroup(NodeGroup g) {
    nodeGroups.add(g);
  }

  @Override
  public long now() {
    return clock.millis();
  }

  @Override
  public List<io.hns.model.cluster.Node> nodes() {
    return nodes.list();
  }

  @Override
  public List<io.hns.model.cluster.Pod> pods() {
    return pods.list();
  }

  @Override
  public List<Workload> workloads() {
    List<Workload> all = new ArrayList<>(deployments.list());
    all.addAll(replicaSets.list());
    return all;
  }

  @Override
  public List<NodeGroup> nodeGroups() {
    return List.copyOf(nodeGroups);
  }

  @Override
  public List<HpaSpec> hpas() {
    return hpas.list();
  }

  /** The PDBs as the model reads them: the spec only; what they allow is computed from the pods. */
  @Override
  public List<DisruptionBudget> disruptionBudgets() {
    return pdbs.list();
  }

  @Override
  public List<PodUsage> podUsage() {
    return usage.read();
  }

  public LiveSnapshot snapshot() {
    return new LiveSnapshot(now(), nodes(), pods(), workloads(), nodeGroups(), hpas(), disruptionBudgets(), podUsage());
  }

  @Override
  public void close() {
    for (CompiledStore<?, ?> s : List.of(nodes, pods, deployments, replicaSets, hpas, pdbs)) {
      s.informers().forEach(SharedIndexInformer::close);
    }
  }

  private <F extends HasMetadata, M> CompiledStore<F, M> store(List<SharedIndexInformer<F>> informers, Function<F, M> compiler) {
    return new CompiledStore<>(informers, compiler, (o, e) -> onError.accept(
        "cannot read " + o.getKind() + " " + o.getMetadata().getNamespace() + "/" + o.getMetadata().getName()
            + ": " + e.getMessage(), e));
  }

  private static <F extends HasMetadata> List<SharedIndexInformer<F>> each(
      Set<String> namespaces, Function<String, SharedIndexInformer<F>> make) {
    return namespaces.stream().sorted().map(make).toList();
  }
}
