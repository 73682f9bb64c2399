package io.hns.model.manifest;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fabric8.kubernetes.api.model.ContainerImage;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Times;
import io.hns.model.resource.Resources;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Compiles a Node object (as {@code kubectl get node -o json} prints it) into a {@link Node}. */
public final class NodeCompiler {
  private NodeCompiler() {}

  public static Node compile(SourcedObject o) {
    FabricObjects.requireKind(o, Set.of("Node"), "a node file");
    var n = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.Node.class);
    String where = o.describe();
    var meta = n.getMetadata();
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new ManifestException(o.where() + ": Node has no metadata.name");
    }
    var status = n.getStatus();
    Resources capacity = status == null ? Resources.ZERO
        : ResourceLists.compile(status.getCapacity(), where, "status.capacity");
    Resources allocatable = status == null ? Resources.ZERO
        : ResourceLists.compile(status.getAllocatable(), where, "status.allocatable");
    if (status == null || status.getAllocatable() == null || status.getAllocatable().isEmpty()) {
      // The kubelet always reports allocatable; without it the scheduler sees a node that fits nothing.
      allocatable = capacity;
    }
    checkAllocatableWithinCapacity(where, capacity, allocatable, status == null ? null : status.getCapacity());
    ImmutableList.Builder<Taint> taints = ImmutableList.builder();
    var spec = n.getSpec();
    if (spec != null && spec.getTaints() != null) {
      for (int i = 0; i < spec.getTaints().size(); i++) {
        var t = spec.getTaints().get(i);
        try {
          TaintEffect effect = TaintEffect.parse(t.getEffect());
          if (effect == null) {
            throw new IllegalArgumentException("effect is required");
          }
          taints.add(new Taint(t.getKey(), t.getValue(), effect));
        } catch (IllegalArgumentException e) {
          throw new ManifestException(where + ": spec.taints[" + i + "]: " + e.getMessage());
        }
      }
    }
    boolean ready = false;
    if (status != null && status.getConditions() != null) {
      for (NodeCondition c : status.getConditions()) {
        if ("Ready".equals(c.getType())) {
          ready = "True".equals(c.getStatus());
        }
      }
    }
    Map<String, Long> images = new HashMap<>();
    if (status != null && status.getImages() != null) {
      for (ContainerImage img : status.getImages()) {
        long size = img.getSizeBytes() == null ? 0 : img.getSizeBytes();
        if (img.getNames() != null) {
          for (String name : img.getNames()) {
            images.put(Labels.intern(name), size);
          }
        }
      }
    }
    long created;
    try {
      created = Times.parse(meta.getCreationTimestamp());
    } catch (IllegalArgumentException e) {
      throw new ManifestException(where + ": metadata.creationTimestamp: " + e.getMessage());
    }
    return new Node(
        meta.getName(),
        Labels.of(meta.getLabels()),
        Labels.of(meta.getAnnotations()),
        taints.build(),
        capacity,
        allocatable,
        spec != null && Boolean.TRUE.equals(spec.getUnschedulable()),
        ready,
        spec == null ? "" : spec.getProviderID(),
        created,
        ImmutableMap.copyOf(images));
  }

  /** A kubelet never reports more allocatable than capacity; a dump that does is damaged. */
  private static void checkAllocatableWithinCapacity(
      String where, Resources capacity, Resources allocatable, Map<String, ?> capacityList) {
    if (capacityList == null || capacityList.isEmpty()) {
      return;
    }
    if (capacityList.containsKey("cpu") && allocatable.milliCpu() > capacity.milliCpu()) {
      throw new ManifestException(where + ": status.allocatable.cpu (" + allocatable.milliCpu()
          + "m) exceeds status.capacity.cpu (" + capacity.milliCpu() + "m); the dump looks damaged");
    }
    if (capacityList.containsKey("memory") && allocatable.memory() > capacity.memory()) {
      throw new ManifestException(where + ": status.allocatable.memory (" + allocatable.memory()
          + " bytes) exceeds status.capacity.memory (" + capacity.memory() + " bytes); the dump looks damaged");
    }
    if (capacityList.containsKey("pods") && allocatable.pods() > capacity.pods()) {
      throw new ManifestException(where + ": status.allocatable.pods exceeds status.capacity.pods");
    }
  }
}
