package io.hns.model.manifest;

import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Workload;
import java.util.Set;

/** Compiles an apps/v1 Deployment or ReplicaSet into a {@link Workload}. */
public final class WorkloadCompiler {
  public static final Set<String> KINDS = Set.of("Deployment", "ReplicaSet");

  private WorkloadCompiler() {}

  public static Workload compile(SourcedObject o) {
    FabricObjects.requireKind(o, KINDS, "a workload file");
    String where = o.describe();
    Integer replicas;
    io.fabric8.kubernetes.api.model.LabelSelector selector;
    PodTemplateSpec template;
    io.fabric8.kubernetes.api.model.ObjectMeta meta;
    if (o.kind().equals("Deployment")) {
      var d = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.apps.Deployment.class);
      meta = d.getMetadata();
      if (d.getSpec() == null) throw new ManifestException(where + ": missing spec");
      replicas = d.getSpec().getReplicas();
      selector = d.getSpec().getSelector();
      template = d.getSpec().getTemplate();
    } else {
      var rs = FabricObjects.convert(o, io.fabric8.kubernetes.api.model.apps.ReplicaSet.class);
      meta = rs.getMetadata();
      if (rs.getSpec() == null) throw new ManifestException(where + ": missing spec");
      replicas = rs.getSpec().getReplicas();
      selector = rs.getSpec().getSelector();
      template = rs.getSpec().getTemplate();
    }
    if (meta == null || meta.getName() == null) {
      throw new ManifestException(o.where() + ": " + o.kind() + " has no metadata.name");
    }
    if (selector == null) {
      throw new ManifestException(where + ": spec.selector is required");
    }
    if (template == null) {
      throw new ManifestException(where + ": spec.template is required");
    }
    if (replicas != null && replicas < 0) {
      throw new ManifestException(where + ": spec.replicas must not be negative");
    }
    LabelSelector sel = SelectorCompiler.labelSelector(selector, where + ": spec.selector");
    Labels templateLabels = Labels.of(template.getMetadata() == null ? null : template.getMetadata().getLabels());
    if (!sel.matches(templateLabels)) {
      // The API server rejects this ("selector does not match template labels").
      throw new ManifestException(where + ": spec.selector does not match spec.template.metadata.labels");
    }
    PodSpec spec = PodSpecCompiler.compile(template.getSpec(), where + ": spec.template.spec");
    return new Workload(
        o.kind(),
        meta.getNamespace() == null || meta.getNamespace().isEmpty() ? "default" : meta.getNamespace(),
        meta.getName(),
        meta.getUid() == null ? "" : meta.getUid(),
        replicas == null ? 1 : replicas,
        sel,
        templateLabels,
        Labels.of(template.getMetadata() == null ? null : template.getMetadata().getAnnotations()),
        spec,
        PodCompiler.controller(meta.getOwnerReferences()));
  }
}
