package io.hns.model.manifest;

import com.google.common.collect.ImmutableMap;
import io.fabric8.kubernetes.api.model.Quantity;
import io.hns.model.resource.InvalidQuantityException;
import io.hns.model.resource.Quantities;
import io.hns.model.resource.Resources;
import java.util.Map;
import java.util.TreeMap;

/** Compiles a Kubernetes ResourceList ({@code cpu: 1900m, memory: 4675304Ki, ...}). */
final class ResourceLists {
  private ResourceLists() {}

  /**
   * @param field the field path for messages, e.g. {@code status.allocatable}
   */
  static Resources compile(Map<String, Quantity> list, String where, String field) {
    if (list == null || list.isEmpty()) {
      return Resources.ZERO;
    }
    long cpu = 0;
    long mem = 0;
    long eph = 0;
    long pods = 0;
    Map<String, Long> scalars = new TreeMap<>();
    for (Map.Entry<String, Quantity> e : list.entrySet()) {
      String name = e.getKey();
      String text = e.getValue() == null ? null : e.getValue().toString();
      try {
        switch (name) {
          case "cpu" -> cpu = Quantities.milliValue(text);
          case "memory" -> mem = Quantities.value(text);
          case "ephemeral-storage" -> eph = Quantities.value(text);
          case "pods" -> pods = Quantities.value(text);
          default -> scalars.put(name, Quantities.value(text));
        }
      } catch (InvalidQuantityException ex) {
        throw new ManifestException(where + ": " + field + "." + name + ": " + ex.getMessage());
      }
    }
    return new Resources(cpu, mem, eph, pods, ImmutableMap.copyOf(scalars));
  }

  /** Whether the list names the resource at all (a container may omit a request). */
  static boolean has(Map<String, Quantity> list, String name) {
    return list != null && list.containsKey(name);
  }
}
