package io.hns.model.cluster;

/** The controlling owner reference of a pod or ReplicaSet. */
public record OwnerRef(String kind, String name, String uid) {
  public OwnerRef {
    kind = Labels.intern(kind);
    name = Labels.intern(name);
    uid = uid == null ? "" : uid;
  }
}
