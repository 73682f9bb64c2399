package io.hns.model.cluster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.resource.Resources;

/**
 * A node as the scheduler and the autoscalers see it.
 *
 * @param imageSizes image name (every name a node reports for an image) to size in bytes, for
 *     ImageLocality
 * @param creationTime epoch milliseconds, {@link Times#UNSET} when unknown
 */
public record Node(
    String name,
    Labels labels,
    Labels annotations,
    ImmutableList<Taint> taints,
    Resources capacity,
    Resources allocatable,
    boolean unschedulable,
    boolean ready,
    String providerId,
    long creationTime,
    ImmutableMap<String, Long> imageSizes) {

  /** The label virtual-kubelet puts on its node ({@code type=virtual-kubelet}). */
  public static final String VIRTUAL_KUBELET_TYPE_LABEL = "type";
  public static final String VIRTUAL_KUBELET_TYPE = "virtual-kubelet";
  public static final String HOSTNAME_LABEL = "kubernetes.io/hostname";
  public static final String ZONE_LABEL = "topology.kubernetes.io/zone";
  public static final String REGION_LABEL = "topology.kubernetes.io/region";

  public Node {
    labels = labels == null ? Labels.EMPTY : labels;
    annotations = annotations == null ? Labels.EMPTY : annotations;
    taints = taints == null ? ImmutableList.of() : taints;
    providerId = providerId == null ? "" : providerId;
    imageSizes = imageSizes == null ? ImmutableMap.of() : imageSizes;
    capacity = capacity == null ? allocatable : capacity;
  }

  public NodeKind kind() {
    return VIRTUAL_KUBELET_TYPE.equals(labels.get(VIRTUAL_KUBELET_TYPE_LABEL)) ? NodeKind.VIRTUAL : NodeKind.VM;
  }

  public Node withTaints(ImmutableList<Taint> newTaints) {
    return new Node(name, labels, annotations, newTaints, capacity, allocatable, unschedulable, ready,
        providerId, creationTime, imageSizes);
  }

  public Node withReady(boolean isReady) {
    return new Node(name, labels, annotations, taints, capacity, allocatable, unschedulable, isReady,
        providerId, creationTime, imageSizes);
  }

  public Node withUnschedulable(boolean value) {
    return new Node(name, labels, annotations, taints, capacity, allocatable, value, ready,
        providerId, creationTime, imageSizes);
  }

  public Node withName(String newName) {
    return new Node(newName, labels.with(HOSTNAME_LABEL, newName), annotations, taints, capacity,
        allocatable, unschedulable, ready, providerId, creationTime, imageSizes);
  }
}
