package io.hns.model.policy;

import com.google.common.collect.ImmutableMap;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.PodSpec;
import java.util.List;

/** The built-in placement policies, by name. */
public final class PlacementPolicies {
  public static final PlacementPolicy MANIFEST = of("manifest",
      "Pods exactly as the manifests say (no rewrite).", spec -> spec);

  public static final PlacementPolicy VMSS_ONLY = of("vmss-only",
      "No virtual node: tolerations of its taint and nodeSelector type=virtual-kubelet removed.",
      spec -> {
        PodSpec.Builder b = spec.toBuilder();
        b.tolerations = VirtualNodeTerms.withoutVirtualNodeTolerations(spec);
        b.nodeSelector = VirtualNodeTerms.withoutVirtualNodeSelector(spec);
        return b.build();
      });

  public static final PlacementPolicy ACI_ONLY = of("aci-only",
      "Every pod on the virtual node: its toleration plus nodeSelector type=virtual-kubelet.",
      spec -> {
        PodSpec.Builder b = spec.toBuilder();
        b.tolerations = VirtualNodeTerms.withVirtualNodeToleration(spec);
        b.nodeSelector = ImmutableMap.<String, String>builder()
            .putAll(VirtualNodeTerms.withoutVirtualNodeSelector(spec))
            .put(Node.VIRTUAL_KUBELET_TYPE_LABEL, Node.VIRTUAL_KUBELET_TYPE)
            .buildOrThrow();
        return b.build();
      });

  public static final PlacementPolicy BURST = of("burst",
      "The seed's setup: toleration of the virtual node plus a weight-1 preference for VM nodes.",
      spec -> {
        PodSpec.Builder b = spec.toBuilder();
        b.tolerations = VirtualNodeTerms.withVirtualNodeToleration(spec);
        b.nodeSelector = VirtualNodeTerms.withoutVirtualNodeSelector(spec);
        b.preferredAffinity = VirtualNodeTerms.withPreferVmTerm(spec);
        return b.build();
      });

  /**
   * burst plus an explicit soft zone spread constraint over the workload's own pods. With the
   * current scheduler's system-default spreading, the virtual node (which has no zone label) escapes
   * the zone constraint and wins the spread score against zoned VM nodes holding the workload, so a
   * pod moved off ACI would be scheduled straight back there. An explicit constraint ignores nodes
   * without the key (podtopologyspread scoring.go requireAllTopologies), which removes that pull.
   */
  public static final PlacementPolicy BURST_SPREAD_BY_ZONE = new PlacementPolicy() {
    @Override
    public String name() {
      return "burst-spread-by-zone";
    }

    @Override
    public PodSpec apply(PodSpec template) {
      return BURST.apply(template);
    }

    @Override
    public PodSpec apply(PodSpec template, io.hns.model.cluster.Labels labels) {
      PodSpec burst = BURST.apply(template);
      if (!burst.spreadConstraints().isEmpty()) {
        return burst;
      }
      PodSpec.Builder b = burst.toBuilder();
      b.spreadConstraints = com.google.common.collect.ImmutableList.of(new io.hns.model.cluster.TopologySpreadConstraint(
          1, Node.ZONE_LABEL, true, io.hns.model.cluster.LabelSelector.of(labels.asMap(), List.of())));
      return b.build();
    }

    @Override
    public String description() {
      return "burst, plus a soft zone spread constraint so that pods moved off ACI stay on VM nodes";
    }
  };

  public static final List<PlacementPolicy> ALL = List.of(MANIFEST, VMSS_ONLY, ACI_ONLY, BURST);

  private PlacementPolicies() {}

  public static PlacementPolicy named(String name) {
    for (PlacementPolicy p : ALL) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown placement policy \"" + name + "\" (known: "
        + String.join(", ", ALL.stream().map(PlacementPolicy::name).toList()) + ")");
  }

  private static PlacementPolicy of(String name, String description, java.util.function.UnaryOperator<PodSpec> rewrite) {
    return new PlacementPolicy() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PodSpec apply(PodSpec template) {
        return rewrite.apply(template);
      }

      @Override
      public String description() {
        return description;
      }
    };
  }
}
