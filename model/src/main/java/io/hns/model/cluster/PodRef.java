package io.hns.model.cluster;

/**
 * A pod's identity (namespace and name) as a map key: equal to {@code namespace/name} as
 * {@link Pod#key()} spells it, but hashed from the two strings' cached hashes instead of building
 * and hashing a new string on every lookup.
 */
public record PodRef(String namespace, String name) {
  public static PodRef of(Pod pod) {
    return new PodRef(pod.namespace(), pod.name());
  }

  // Written out: the generated versions are slower on the hot lookups of the simulator.
  @Override
  public boolean equals(Object o) {
    return o instanceof PodRef r && name.equals(r.name) && namespace.equals(r.namespace);
  }

  @Override
  public int hashCode() {
    return 31 * namespace.hashCode() + name.hashCode();
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
