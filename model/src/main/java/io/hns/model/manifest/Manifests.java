package io.hns.model.manifest;

import io.hns.model.cluster.Node;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Typed loading of manifest files: nodes, pods, and "a pod or a workload's template pod". */
public final class Manifests {
  private Manifests() {}

  public static List<Node> nodes(Path file) {
    List<Node> out = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read(file)) {
      out.add(NodeCompiler.compile(o));
    }
    return out;
  }

  public static List<Pod> pods(Path file) {
    List<Pod> out = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read(file)) {
      out.add(PodCompiler.compile(o));
    }
    return out;
  }

  public static List<Workload> workloads(Path file) {
    List<Workload> out = new ArrayList<>();
    for (SourcedObject o : ManifestReader.read(file)) {
      out.add(WorkloadCompiler.compile(o));
    }
    return out;
  }

  /**
   * The single pod a file describes: a Pod, or the template of a Deployment or ReplicaSet. A
   * template pod is owned by a ReplicaSet (as the Deployment controller would create it), so that
   * owner-dependent rules such as default topology spreading apply to it as to the real pods.
   */
  public static Pod podOrTemplate(Path file) {
    List<SourcedObject> objects = ManifestReader.read(file);
    if (objects.size() != 1) {
      throw new ManifestException(file + ": expected exactly one Pod, Deployment or ReplicaSet, found " + objects.size() + " objects");
    }
    SourcedObject o = objects.get(0);
    if (o.kind().equals("Pod")) {
      return PodCompiler.compile(o);
    }
    if (!WorkloadCompiler.KINDS.contains(o.kind())) {
      throw new ManifestException(o.where() + ": unexpected kind " + o.kind() + " (expected Pod, Deployment or ReplicaSet)");
    }
    return templatePod(WorkloadCompiler.compile(o));
  }

  /** A pod as the workload's ReplicaSet would create it, before scheduling. */
  public static Pod templatePod(Workload w) {
    OwnerRef owner = w.kind().equals("ReplicaSet") ? w.asOwner()
        : new OwnerRef("ReplicaSet", w.name() + "-template", "rs-" + w.namespace() + "-" + w.name());
    return Pod.builder(w.namespace(), w.name() + "-template", w.template())
        .uid("pod-" + w.namespace() + "-" + w.name() + "-template")
        .labels(w.templateLabels())
        .annotations(w.templateAnnotations())
        .owner(owner)
        .build();
  }
}
