package io.hns.model.manifest;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.disruption.IntOrPercent;
import java.util.Set;

/** Compiles a policy/v1 PodDisruptionBudget. */
public final class DisruptionBudgetCompiler {
  public static final String KIND = "PodDisruptionBudget";

  private DisruptionBudgetCompiler() {}

  public static DisruptionBudget compile(SourcedObject o) {
    FabricObjects.requireKind(o, Set.of(KIND), "a disruption budget file");
    var pdb = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
    String where = o.describe();
    if (pdb.getMetadata() == null || pdb.getMetadata().getName() == null) {
      throw new ManifestException(o.where() + ": PodDisruptionBudget has no metadata.name");
    }
    var spec = pdb.getSpec();
    if (spec == null) {
      throw new ManifestException(where + ": missing spec");
    }
    if (spec.getMinAvailable() != null && spec.getMaxUnavailable() != null) {
      throw new ManifestException(where + ": spec: minAvailable and maxUnavailable cannot both be set");
    }
    return new DisruptionBudget(
        o.namespace(),
        pdb.getMetadata().getName(),
        SelectorCompiler.labelSelector(spec.getSelector(), where + ": spec.selector"),
        value(spec.getMinAvailable(), where, "spec.minAvailable"),
        value(spec.getMaxUnavailable(), where, "spec.maxUnavailable"));
  }

  private static IntOrPercent value(IntOrString v, String where, String field) {
    if (v == null) {
      return null;
    }
    try {
      return v.getIntVal() != null ? new IntOrPercent(v.getIntVal(), false) : IntOrPercent.parse(v.getStrVal());
    } catch (IllegalArgumentException e) {
      throw new ManifestException(where + ": " + field + ": " + e.getMessage());
    }
  }
}
