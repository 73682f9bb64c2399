package io.hns.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every resource the emulator serves, and the discovery documents kubectl reads to find them
 * ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/GROUP/VERSION}).
 */
final class ApiResources {
  /** Group name to its versions, preferred first. */
  private final Map<String, List<String>> groups = new LinkedHashMap<>();
  private final List<ResourceType> types = new ArrayList<>();

  ApiResources() {
    List<String> all = ResourceType.ALL_VERBS;
    List<String> read = ResourceType.READ_VERBS;
    List<String> none = List.of();
    // core/v1
    add("", "v1", "pods", "Pod", true, all, List.of("po"), List.of("all"), "pods", List.of("status", "eviction", "log"));
    add("", "v1", "nodes", "Node", false, all, List.of("no"), none, "nodes", List.of("status"));
    add("", "v1", "namespaces", "Namespace", false, List.of("create", "delete", "get", "list", "patch", "update", "watch"),
        List.of("ns"), none, "namespaces", List.of("status"));
    add("", "v1", "events", "Event", true, all, List.of("ev"), none, "events", none);
    add("", "v1", "services", "Service", true, List.of("create", "delete", "get", "list", "patch", "update", "watch"),
        List.of("svc"), List.of("all"), "services", List.of("status"));
    add("", "v1", "endpoints", "Endpoints", true, all, List.of("ep"), none, "endpoints", none);
    add("", "v1", "configmaps", "ConfigMap", true, all, List.of("cm"), none, "configmaps", none);
    add("", "v1", "secrets", "Secret", true, all, none, none, "secrets", none);
    add("", "v1", "serviceaccounts", "ServiceAccount", true, all, List.of("sa"), none, "serviceaccounts", none);
    // apps/v1
    add("apps", "v1", "deployments", "Deployment", true, all, List.of("deploy"), List.of("all"), "apps/deployments",
        List.of("scale", "status"));
    add("apps", "v1", "replicasets", "ReplicaSet", true, all, List.of("rs"), List.of("all"), "apps/replicasets",
        List.of("scale", "status"));
    // autoscaling: v2 is stored and preferred; v1 is converted on the way in and out
    add("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, all, List.of("hpa"),
        List.of("all"), "autoscaling/horizontalpodautoscalers", List.of("status"));
    add("autoscaling", "v1", "horizontalpodautoscalers", "HorizontalPodAutoscaler", true, all, List.of("hpa"),
        List.of("all"), "autoscaling/horizontalpodautoscalers", List.of("status"));
    add("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, all, List.of("pdb"), none,
        "policy/poddisruptionbudgets", List.of("status"));
    add("coordination.k8s.io", "v1", "leases", "Lease", true, all, none, none, "coordination.k8s.io/leases", none);
    // core/v1 events own the short name "ev" (kubectl warns when two groups claim one)
    add("events.k8s.io", "v1", "events", "Event", true, read, none, none, "events", none);
    add("metrics.k8s.io", "v1beta1", "pods", "PodMetrics", true, List.of("get", "list"), none, none,
        "metrics.k8s.io/pods", none);
    add("metrics.k8s.io", "v1beta1", "nodes", "NodeMetrics", false, List.of("get", "list"), none, none,
        "metrics.k8s.io/nodes", none);
  }

  private void add(String group, String version, String name, String kind, boolean namespaced, List<String> verbs,
      List<String> shortNames, List<String> categories, String storage, List<String> subresources) {
    groups.computeIfAbsent(group, g -> new ArrayList<>());
    if (!groups.get(group).contains(version)) {
      groups.get(group).add(version);
    }
    types.add(new ResourceType(group, version, name, kind.toLowerCase(), kind, namespaced, verbs, shortNames,
        categories, storage, subresources));
  }

  java.util.List<ResourceType> all() {
    return java.util.List.copyOf(types);
  }

  ResourceType find(String group, String version, String name) {
    for (ResourceType t : types) {
      if (t.group().equals(group) && t.version().equals(version) && t.name().equals(name)) {
        return t;
      }
    }
    return null;
  }

  boolean hasGroupVersion(String group, String version) {
    List<String> v = groups.get(group);
    return v != null && (version == null || v.contains(version));
  }

  /** The type a storage key is served as in its preferred version. */
  ResourceType preferred(String storage) {
    for (ResourceType t : types) {
      if (t.storage().equals(storage)) {
        return t;
      }
    }
    throw new IllegalArgumentException("no type stores " + storage);
  }

  ObjectNode apiVersions(String serverAddress) {
    ObjectNode o = Json.object();
    o.put("kind", "APIVersions");
    o.putArray("versions").add("v1");
    ObjectNode cidr = o.putArray("serverAddressByClientCIDRs").addObject();
    cidr.put("clientCIDR", "0.0.0.0/0");
    cidr.put("serverAddress", serverAddress);
    return o;
  }

  ObjectNode groupList() {
    ObjectNode o = Json.object();
    o.put("kind", "APIGroupList");
    o.put("apiVersion", "v1");
    ArrayNode list = o.putArray("groups");
    for (String g : groups.keySet()) {
      if (!g.isEmpty()) {
        list.add(group(g));
      }
    }
    return o;
  }

  ObjectNode group(String g) {
    ObjectNode o = Json.object();
    o.put("kind", "APIGroup");
    o.put("apiVersion", "v1");
    o.put("name", g);
    ArrayNode versions = o.putArray("versions");
    for (String v : groups.get(g)) {
      ObjectNode gv = versions.addObject();
      gv.put("groupVersion", g + "/" + v);
      gv.put("version", v);
    }
    ObjectNode pref = o.putObject("preferredVersion");
    pref.put("groupVersion", g + "/" + groups.get(g).get(0));
    pref.put("version", groups.get(g).get(0));
    return o;
  }

  ObjectNode resourceList(String group, String version) {
    ObjectNode o = Json.object();
    o.put("kind", "APIResourceList");
    o.put("apiVersion", "v1");
    o.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode list = o.putArray("resources");
    for (ResourceType t : types) {
      if (!t.group().equals(group) || !t.version().equals(version)) {
        continue;
      }
      ObjectNode r = list.addObject();
      r.put("name", t.name());
      r.put("singularName", t.singular());
      r.put("namespaced", t.namespaced());
      r.put("kind", t.kind());
      ArrayNode verbs = r.putArray("verbs");
      t.verbs().forEach(verbs::add);
      if (!t.shortNames().isEmpty()) {
        ArrayNode sn = r.putArray("shortNames");
        t.shortNames().forEach(sn::add);
      }
      if (!t.categories().isEmpty()) {
        ArrayNode c = r.putArray("categories");
        t.categories().forEach(c::add);
      }
      for (String sub : t.subresources()) {
        ObjectNode s = list.addObject();
        s.put("name", t.name() + "/" + sub);
        s.put("singularName", "");
        s.put("namespaced", t.namespaced());
        switch (sub) {
          case "scale" -> {
            s.put("group", "autoscaling");
            s.put("version", "v1");
            s.put("kind", "Scale");
            s.putArray("verbs").add("get").add("patch").add("update");
          }
          case "eviction" -> {
            s.put("group", "policy");
            s.put("version", "v1");
            s.put("kind", "Eviction");
            s.putArray("verbs").add("create");
          }
          case "log" -> {
            s.put("kind", "Pod");
            s.putArray("verbs").add("get");
          }
          default -> {
            s.put("kind", t.kind());
            s.putArray("verbs").add("get").add("patch").add("update");
          }
        }
      }
    }
    return o;
  }
}
