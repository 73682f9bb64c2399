package io.hns.model.policy;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.PreferredTerm;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import java.util.ArrayList;
import java.util.List;

/** The virtual node's taint and the tolerations and affinity terms that reach or avoid it. */
public final class VirtualNodeTerms {
  /** The taint virtual-kubelet's azure-aci provider puts on its node (cmd/virtual-kubelet/main.go). */
  public static final Taint TAINT = new Taint("virtual-kubelet.io/provider", "azure", TaintEffect.NO_SCHEDULE);

  public static final Toleration TOLERATION =
      new Toleration("virtual-kubelet.io/provider", Toleration.Operator.EQUAL, "azure", TaintEffect.NO_SCHEDULE);

  /** {@code type NotIn [virtual-kubelet]}: the preferred term that steers pods to VM nodes first. */
  public static final NodeSelectorTerm NOT_VIRTUAL = NodeSelectorTerm.of(
      List.of(LabelRequirement.of(Node.VIRTUAL_KUBELET_TYPE_LABEL, LabelRequirement.Operator.NOT_IN, Node.VIRTUAL_KUBELET_TYPE)),
      List.of());

  private VirtualNodeTerms() {}

  public static boolean toleratesVirtualNode(PodSpec spec) {
    return spec.tolerations().stream().anyMatch(t -> t.tolerates(TAINT));
  }

  static ImmutableList<Toleration> withoutVirtualNodeTolerations(PodSpec spec) {
    List<Toleration> kept = new ArrayList<>();
    for (Toleration t : spec.tolerations()) {
      if (!t.tolerates(TAINT)) {
        kept.add(t);
      }
    }
    return ImmutableList.copyOf(kept);
  }

  static ImmutableList<Toleration> withVirtualNodeToleration(PodSpec spec) {
    if (toleratesVirtualNode(spec)) {
      return spec.tolerations();
    }
    return ImmutableList.<Toleration>builder().addAll(spec.tolerations()).add(TOLERATION).build();
  }

  static ImmutableMap<String, String> withoutVirtualNodeSelector(PodSpec spec) {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    spec.nodeSelector().forEach((k, v) -> {
      if (!(k.equals(Node.VIRTUAL_KUBELET_TYPE_LABEL) && v.equals(Node.VIRTUAL_KUBELET_TYPE))) {
        b.put(k, v);
      }
    });
    return b.buildOrThrow();
  }

  static ImmutableList<PreferredTerm> withPreferVmTerm(PodSpec spec) {
    for (PreferredTerm p : spec.preferredAffinity()) {
      if (p.term().equals(NOT_VIRTUAL)) {
        return spec.preferredAffinity();
      }
    }
    return ImmutableList.<PreferredTerm>builder().addAll(spec.preferredAffinity()).add(new PreferredTerm(1, NOT_VIRTUAL)).build();
  }
}
