package io.hns.live;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;

/** fabric8 objects for tests: AKS-like VM nodes, the virtual node, Deployments and their pods. */
public final class Objs {
  public static final String T0 = "2026-11-25T10:00:00Z";

  private Objs() {}

  public static Node vmNode(String name, String pool, boolean ready) {
    return new NodeBuilder()
        .withNewMetadata().withName(name).withCreationTimestamp(T0)
        .withLabels(Map.of("kubernetes.azure.com/agentpool", pool, "kubernetes.io/hostname", name, "type", "vm"))
        .endMetadata()
        .withNewSpec().withProviderID("azure:///" + name).endSpec()
        .withNewStatus()
        .withCapacity(Map.of("cpu", new Quantity("2"), "memory", new Quantity("7Gi"), "pods", new Quantity("30")))
        .withAllocatable(Map.of("cpu", new Quantity("1900m"), "memory", new Quantity("4608Mi"), "pods", new Quantity("30")))
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").withLastTransitionTime("2026-11-25T10:01:00Z").endCondition()
        .endStatus()
        .build();
  }

  public static Node virtualNode() {
    return new NodeBuilder()
        .withNewMetadata().withName("virtual-node-aci-linux").withCreationTimestamp(T0)
        .withLabels(Map.of("type", "virtual-kubelet", "kubernetes.io/role", "agent", "kubernetes.io/hostname", "virtual-node-aci-linux"))
        .endMetadata()
        .withNewSpec().addNewTaint().withKey("virtual-kubelet.io/provider").withValue("azure").withEffect("NoSchedule").endTaint().endSpec()
        .withNewStatus()
        .withCapacity(Map.of("cpu", new Quantity("10k"), "memory", new Quantity("4Ti"), "pods", new Quantity("5k")))
        .withAllocatable(Map.of("cpu", new Quantity("10k"), "memory", new Quantity("4Ti"), "pods", new Quantity("5k")))
        .addNewCondition().withType("Ready").withStatus("True").withLastTransitionTime(T0).endCondition()
        .endStatus()
        .build();
  }

  public static Deployment deployment(String ns, String name, int replicas) {
    return new DeploymentBuilder()
        .withNewMetadata().withName(name).withNamespace(ns).withCreationTimestamp(T0).endMetadata()
        .withNewSpec().withReplicas(replicas)
        .withNewSelector().addToMatchLabels("app", name).endSelector()
        .withNewTemplate()
        .withNewMetadata().addToLabels("app", name).endMetadata()
        .withNewSpec().addToContainers(new ContainerBuilder().withName(name).withImage("nginx")
            .withNewResources().addToRequests("cpu", new Quantity("200m")).addToRequests("memory", new Quantity("32Mi")).endResources()
            .build())
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  public static Pod pod(String ns, String name, String app, String node, String phase) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(ns).withCreationTimestamp(T0).addToLabels("app", app).endMetadata()
        .withNewSpec().withNodeName(node)
        .addToContainers(new ContainerBuilder().withName(app).withImage("nginx")
            .withNewResources().addToRequests("cpu", new Quantity("200m")).endResources().build())
        .endSpec()
        .withNewStatus().withPhase(phase).endStatus()
        .build();
  }
}
