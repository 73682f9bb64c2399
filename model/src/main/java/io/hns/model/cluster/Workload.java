package io.hns.model.cluster;

/**
 * A Deployment or ReplicaSet: desired replicas, the selector and the pod template.
 *
 * @param kind {@code Deployment} or {@code ReplicaSet}
 * @param owner for a ReplicaSet, its controlling Deployment (null when standalone)
 */
public record Workload(
    String kind,
    String namespace,
    String name,
    String uid,
    int replicas,
    LabelSelector selector,
    Labels templateLabels,
    Labels templateAnnotations,
    PodSpec template,
    OwnerRef owner) {

  public OwnerRef asOwner() {
    return new OwnerRef(kind, name, uid);
  }

  public Workload withReplicas(int n) {
    return new Workload(kind, namespace, name, uid, n, selector, templateLabels, templateAnnotations, template, owner);
  }
}
