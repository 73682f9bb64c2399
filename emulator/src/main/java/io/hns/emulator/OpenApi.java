package io.hns.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A minimal OpenAPI v3 (/openapi/v3 and one document per group version): each resource's PATCH
 * operation with its group-version-kind and the {@code fieldValidation} query parameter, and no
 * schemas. That is what kubectl looks for to decide that the server validates fields itself, so
 * that it neither downloads /openapi/v2 for client-side validation nor fails without it; without a
 * strategic-merge request body, {@code kubectl apply} computes its patches from its compiled-in
 * types. No field validation happens here: unknown fields are ignored.
 */
final class OpenApi {
  private OpenApi() {}

  static ObjectNode discovery(ApiResources resources, String version) {
    ObjectNode o = Json.object();
    ObjectNode paths = o.putObject("paths");
    for (String gv : groupVersions(resources)) {
      String key = gv.equals("v1") ? "api/v1" : "apis/" + gv;
      paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(version + key));
    }
    return o;
  }

  private static Set<String> groupVersions(ApiResources resources) {
    Set<String> out = new LinkedHashSet<>();
    for (ResourceType t : resources.all()) {
      out.add(t.apiVersion());
    }
    return out;
  }

  private static String hash(String s) {
    return String.format("%016X", com.google.common.hash.Hashing.sha256()
        .hashString(s, java.nio.charset.StandardCharsets.UTF_8).asLong());
  }

  /** The document of one group version, or null when it is not served. */
  static ObjectNode document(ApiResources resources, String group, String version, String k8sVersion) {
    ObjectNode o = Json.object();
    o.put("openapi", "3.0.0");
    ObjectNode info = o.putObject("info");
    info.put("title", "Kubernetes (hns emulator)");
    info.put("version", k8sVersion);
    ObjectNode paths = o.putObject("paths");
    boolean any = false;
    for (ResourceType t : resources.all()) {
      if (!t.group().equals(group) || !t.version().equals(version) || !t.allows("patch")) {
        continue;
      }
      any = true;
      String prefix = group.isEmpty() ? "/api/v1" : "/apis/" + group + "/" + version;
      String path = prefix + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.name() + "/{name}";
      ObjectNode patch = paths.putObject(path).putObject("patch");
      patch.put("operationId", "patch" + t.kind());
      ObjectNode gvk = patch.putObject("x-kubernetes-group-version-kind");
      gvk.put("group", group);
      gvk.put("version", version);
      gvk.put("kind", t.kind());
      patch.put("x-kubernetes-action", "patch");
      ArrayNode params = patch.putArray("parameters");
      for (String p : new String[] {"dryRun", "fieldManager", "fieldValidation", "force"}) {
        ObjectNode param = params.addObject();
        param.put("name", p);
        param.put("in", "query");
        param.put("description", p);
        param.putObject("schema").put("type", p.equals("force") ? "boolean" : "string");
        param.put("uniqueItems", true);
      }
      patch.putObject("responses").putObject("200").put("description", "OK");
    }
    return any ? o : null;
  }
}
