package io.hns.live.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.hns.model.manifest.SourcedObject;

/**
 * fabric8 objects from informers into the model's {@link SourcedObject}, so that the model's
 * manifest compilers (the same ones that read files) compile live objects too: one set of rules
 * for what a Kubernetes object means.
 */
public final class FabricTrees {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FabricTrees() {}

  public static SourcedObject sourced(HasMetadata o) {
    String ns = o.getMetadata() == null || o.getMetadata().getNamespace() == null ? "" : o.getMetadata().getNamespace() + "/";
    return new SourcedObject(o.getKind(), o.getApiVersion(), MAPPER.valueToTree(o), "cluster:" + ns);
  }

  public static SourcedObject sourced(String kind, String apiVersion, Object o) {
    return new SourcedObject(kind, apiVersion, MAPPER.valueToTree(o), "cluster:");
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
