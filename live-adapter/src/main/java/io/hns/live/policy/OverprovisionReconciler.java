package io.hns.live.policy;

import io.hns.live.LiveActions;
import io.hns.live.Reconciler;
import io.hns.live.kube.ManagedLabels;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodSpec;
import io.hns.model.port.ClusterView;
import io.hns.model.resource.Resources;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code overprovision}: keeps a fixed number of low-priority placeholder pods on VM nodes as warm
 * headroom. A real pod preempts a placeholder at once; the evicted placeholder goes Pending, which
 * is what makes the cluster autoscaler add a VM node before real pods need it. Placeholders carry
 * no toleration of the virtual node and a required {@code type NotIn [virtual-kubelet]}, so they
 * can never be satisfied by ACI (which would hide the shortage from CA). Needs only the
 * Kubernetes API, no Azure credentials.
 */
public final class OverprovisionReconciler implements Reconciler {
  public static final String SET_LABEL = "hns.io/placeholder-set";

  private final String namespace;
  private final String setName;
  private final int replicas;
  private final Resources size;
  private final int priority;
  private final Duration period;

  public OverprovisionReconciler(String namespace, String setName, int replicas, Resources size, int priority,
      Duration period) {
    if (priority >= 0) {
      throw new IllegalArgumentException("placeholder priority must be negative so that real pods preempt it");
    }
    this.namespace = namespace;
    this.setName = setName;
    this.replicas = replicas;
    this.size = size;
    this.priority = priority;
    this.period = period;
  }

  @Override
  public String name() {
    return "overprovision";
  }

  @Override
  public Duration period() {
    return period;
  }

  @Override
  public void reconcile(ClusterView view, LiveActions actions) {
    List<Pod> mine = new ArrayList<>();
    for (Pod p : view.pods()) {
      if (p.namespace().equals(namespace) && setName.equals(p.labels().get(SET_LABEL))
          && ManagedLabels.MANAGED_BY_VALUE.equals(p.labels().get(ManagedLabels.MANAGED_BY)) && !p.isDeleting()) {
        mine.add(p);
      }
    }
    long pending = mine.stream().filter(p -> !p.isAssigned()).count();
    String saw = "saw " + mine.size() + " placeholder(s) of " + setName + " (" + pending + " pending), want " + replicas;
    if (mine.size() < replicas) {
      Set<String> taken = new HashSet<>();
      mine.forEach(p -> taken.add(p.name()));
      int index = 0;
      for (int missing = replicas - mine.size(); missing > 0; missing--) {
        while (taken.contains(podName(index))) {
          index++;
        }
        taken.add(podName(index));
        actions.createPod(placeholder(podName(index)), saw);
      }
    } else if (mine.size() > replicas) {
      // Pending ones go first (they hold no node), then the newest names.
      mine.sort(Comparator.comparing(Pod::isAssigned).thenComparing(Pod::name, Comparator.reverseOrder()));
      for (Pod p : mine.subList(0, mine.size() - replicas)) {
        actions.deletePod(p.namespace(), p.name(), saw);
      }
    }
  }

  String podName(int index) {
    return setName + "-" + index;
  }

  Pod placeholder(String name) {
    PodSpec.Builder b = PodSpec.builder();
    b.requests = size;
    b.priority = priority;
    b.terminationGracePeriodSeconds = 0;
    b.requiredAffinity = com.google.common.collect.ImmutableList.of(NodeSelectorTerm.of(
        List.of(LabelRequirement.of(Node.VIRTUAL_KUBELET_TYPE_LABEL, LabelRequirement.Operator.NOT_IN, Node.VIRTUAL_KUBELET_TYPE)),
        List.of()));
    return Pod.builder(namespace, name, b.build())
        .labels(Labels.of(SET_LABEL, setName, ManagedLabels.MANAGED_BY, ManagedLabels.MANAGED_BY_VALUE))
        .build();
  }
}
