package io.hns.emulator;

import java.util.List;

/**
 * One resource of one group version, as discovery lists it.
 *
 * @param storage the store's key for the objects, shared by every version of a resource
 *     ({@code autoscaling/horizontalpodautoscalers} for v1 and v2)
 * @param subresources {@code scale}, {@code status}, {@code eviction}, {@code log}
 */
public record ResourceType(
    String group,
    String version,
    String name,
    String singular,
    String kind,
    boolean namespaced,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories,
    String storage,
    List<String> subresources) {

  static final List<String> ALL_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  static final List<String> READ_VERBS = List.of("get", "list", "watch");

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code deployments.apps}, {@code pods}: how the API server names the resource in messages. */
  public String qualified() {
    return group.isEmpty() ? name : name + "." + group;
  }

  public boolean allows(String verb) {
    return verbs.contains(verb);
  }
}
