package io.hns.simulator.state;

/** The object an event is about: {@code kind}, namespace (empty for cluster objects) and name. */
public record ObjectRef(String kind, String namespace, String name) {
  public static ObjectRef pod(String namespace, String name) {
    return new ObjectRef("Pod", namespace, name);
  }

  public static ObjectRef node(String name) {
    return new ObjectRef("Node", "", name);
  }

  @Override
  public String toString() {
    return kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
  }
}
