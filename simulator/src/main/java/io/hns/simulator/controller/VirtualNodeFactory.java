package io.hns.simulator.controller;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.policy.VirtualNodeTerms;
import io.hns.model.resource.Resources;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The AKS virtual node as virtual-kubelet's azure-aci provider registers it (pkg/provider/vk_node.go,
 * cmd/virtual-kubelet/main.go): the labels AKS showed, the {@code virtual-kubelet.io/provider=azure}
 * NoSchedule taint, capacity = allocatable of 10k CPU, 4Ti memory and 5000 pods, no providerID.
 */
public final class VirtualNodeFactory {
  public static final String DEFAULT_NAME = "virtual-node-aci-linux";

  private VirtualNodeFactory() {}

  public static Node create(String name, long time) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("alpha.service-controller.kubernetes.io/exclude-balancer", "true");
    labels.put("beta.kubernetes.io/os", "linux");
    labels.put("kubernetes.azure.com/managed", "false");
    labels.put("kubernetes.azure.com/role", "agent");
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/role", "agent");
    labels.put("node-role.kubernetes.io/agent", "");
    labels.put("node.kubernetes.io/exclude-from-external-load-balancers", "true");
    labels.put("type", "virtual-kubelet");
    Resources capacity = new Resources(10_000_000, 4L << 40, 0, 5000, ImmutableMap.of());
    return new Node(name, Labels.of(labels), Labels.EMPTY, ImmutableList.of(VirtualNodeTerms.TAINT), capacity, capacity,
        false, true, "", time, ImmutableMap.of());
  }
}
