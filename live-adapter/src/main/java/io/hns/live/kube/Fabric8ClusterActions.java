package io.hns.live.kube;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.hns.live.LiveActions;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Times;
import io.hns.model.cluster.Workload;
import io.hns.model.policy.Placeholders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link LiveActions} as Kubernetes API calls, with no judgement of its own (bounds, dry run and
 * the guard wrap it): the scale subresource, pod create/delete, the Eviction API, JSON merge
 * patches for pod templates and deletion cost, node taints, and core/v1 Events.
 */
public final class Fabric8ClusterActions implements LiveActions, AutoCloseable {
  private final KubernetesClient client;
  private final KubernetesClient evictionClient;
  private final PodRenderer renderer;
  private final Clock clock;

  public Fabric8ClusterActions(KubernetesClient client, PodRenderer renderer, Clock clock) {
    this.client = client;
    // fabric8 retries a 429 with backoff (up to 10 times by default). For an eviction a 429 is the
    // PDB's "not now", which the policy must hear at once, so evictions go through a client that
    // does not retry; every other call keeps the retries (a 429 there is API priority and fairness).
    Config noRetry = new ConfigBuilder(client.getConfiguration()).withRequestRetryBackoffLimit(0).build();
    this.evictionClient = new KubernetesClientBuilder().withConfig(noRetry).build();
    this.renderer = renderer;
    this.clock = clock;
  }

  @Override
  public void scale(String namespace, String kind, String name, int replicas, String reason) {
    switch (kind) {
      case "Deployment" -> client.apps().deployments().inNamespace(namespace).withName(name).scale(replicas);
      case "ReplicaSet" -> client.apps().replicaSets().inNamespace(namespace).withName(name).scale(replicas);
      case "StatefulSet" -> client.apps().statefulSets().inNamespace(namespace).withName(name).scale(replicas);
      default -> throw new IllegalArgumentException("cannot scale a " + kind);
    }
  }

  @Override
  public void createPod(Pod pod, String reason) {
    client.pods().inNamespace(pod.namespace()).resource(renderer.render(pod, reason)).create();
  }

  @Override
  public void deletePod(String namespace, String name, String reason) {
    client.pods().inNamespace(namespace).withName(name).delete();
  }

  @Override
  public boolean evictPod(String namespace, String name, String reason) {
    return evictionClient.pods().inNamespace(namespace).withName(name).evict();
  }

  @Override
  public void taintNode(String nodeName, Taint taint, boolean add) {
    client.nodes().withName(nodeName).edit(n -> {
      List<io.fabric8.kubernetes.api.model.Taint> taints = new ArrayList<>(
          n.getSpec() == null || n.getSpec().getTaints() == null ? List.of() : n.getSpec().getTaints());
      taints.removeIf(t -> taint.key().equals(t.getKey()) && taint.effect().wireName().equals(t.getEffect()));
      if (add) {
        taints.add(new TaintBuilder().withKey(taint.key()).withValue(taint.value().isEmpty() ? null : taint.value())
            .withEffect(taint.effect().wireName()).build());
      }
      return new NodeBuilder(n).editOrNewSpec().withTaints(taints).endSpec().build();
    });
  }

  @Override
  public void event(String objectRef, String type, String reason, String message) {
    String[] parts = objectRef.split("/");
    String kind = parts[0];
    String namespace = parts.length == 3 ? parts[1] : "default";
    String name = parts[parts.length - 1];
    String now = Times.format(clock.millis());
    client.v1().events().inNamespace(namespace).resource(new EventBuilder()
        .withNewMetadata()
        .withName(name + "." + Long.toHexString(System.nanoTime()))
        .withNamespace(namespace)
        .endMetadata()
        .withNewInvolvedObject().withKind(kind).withNamespace(parts.length == 3 ? namespace : null).withName(name).endInvolvedObject()
        .withType(type)
        .withReason(reason)
        .withMessage(message)
        .withNewSource().withComponent("hns").endSource()
        .withFirstTimestamp(now)
        .withLastTimestamp(now)
        .withCount(1)
        .build()).create();
  }

  @Override
  public void patchPodTemplate(Workload workload, PodSpec rewritten, String reason) {
    ObjectNode patch = TemplatePatch.between(workload.template(), rewritten);
    if (TemplatePatch.isEmpty(patch)) {
      return;
    }
    String json = patch.toString();
    PatchContext merge = PatchContext.of(PatchType.JSON_MERGE);
    switch (workload.kind()) {
      case "Deployment" -> client.apps().deployments().inNamespace(workload.namespace()).withName(workload.name()).patch(merge, json);
      case "ReplicaSet" -> client.apps().replicaSets().inNamespace(workload.namespace()).withName(workload.name()).patch(merge, json);
      default -> throw new IllegalArgumentException("cannot patch the pod template of a " + workload.kind());
    }
  }

  @Override
  public void setPodDeletionCost(String namespace, String pod, int cost, String reason) {
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch.putObject("metadata").putObject("annotations").put(DELETION_COST, Integer.toString(cost));
    client.pods().inNamespace(namespace).withName(pod).patch(PatchContext.of(PatchType.JSON_MERGE), patch.toString());
  }

  /** Deletes hns's placeholder pods (label {@value Placeholders#LABEL}) in a namespace; the count deleted. */
  public int deletePlaceholders(String namespace) {
    var list = client.pods().inNamespace(namespace).withLabel(Placeholders.LABEL).list().getItems();
    for (var p : list) {
      client.pods().inNamespace(namespace).withName(p.getMetadata().getName()).delete();
    }
    return list.size();
  }

  public static String objectRef(String kind, String namespace, String name) {
    return kind + "/" + (namespace == null ? "" : namespace + "/") + name;
  }

  @Override
  public void close() {
    evictionClient.close();
  }
}
