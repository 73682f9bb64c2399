package io.hns.model.policy;

import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.resource.Resources;

/**
 * Placeholder pods: pause containers that reserve VM capacity. They have a low priority (real pods
 * preempt them), no toleration of the virtual node (so a placeholder that fits nowhere is
 * unschedulable, which is what makes the cluster autoscaler grow the VMSS), and
 * {@code safe-to-evict: "true"} so that the autoscaler may move them when it consolidates.
 */
public final class Placeholders {
  public static final String LABEL = "hns.io/placeholder";
  public static final String FOR_LABEL = "hns.io/placeholder-for";
  public static final String PAUSE_IMAGE = "registry.k8s.io/pause:3.9";
  static final String SAFE_TO_EVICT = "cluster-autoscaler.kubernetes.io/safe-to-evict";

  private Placeholders() {}

  public static boolean isPlaceholder(Pod p) {
    return p.labels().has(LABEL);
  }

  /**
   * {@code prefix + n} for the first {@code n >= counter[0]} that no pod in {@code pods} has in
   * {@code namespace}, and advances the counter past it. In the simulator a policy's counter never
   * meets an existing name; live, a restarted process adopts the placeholders of the one before,
   * whose names it must not reuse.
   */
  public static String freshName(java.util.Collection<Pod> pods, String namespace, String prefix, long[] counter) {
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (Pod p : pods) {
      if (p.namespace().equals(namespace) && p.name().startsWith(prefix)) {
        taken.add(p.name());
      }
    }
    String name;
    do {
      name = prefix + counter[0]++;
    } while (taken.contains(name));
    return name;
  }

  /** A pending placeholder pod of the given size for {@code purpose} (a label value). */
  public static Pod create(String namespace, String name, String policy, String purpose, Resources requests, int priority) {
    PodSpec.Builder b = PodSpec.builder();
    b.requests = Resources.of(requests.milliCpu(), requests.memory());
    b.containers = ImmutableList.of(new ContainerRequest("pause", PAUSE_IMAGE, requests.milliCpu(), requests.memory()));
    b.priority = priority;
    b.terminationGracePeriodSeconds = 0;
    return Pod.builder(namespace, name, b.build())
        .uid(namespace + "/" + name)
        .labels(Labels.of(LABEL, policy, FOR_LABEL, purpose))
        .annotations(Labels.of(SAFE_TO_EVICT, "true"))
        .build();
  }
}
