package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import io.hns.model.cluster.Labels;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.manifest.DisruptionBudgetCompiler;
import io.hns.model.manifest.HpaCompiler;
import io.hns.model.manifest.ManifestException;
import io.hns.model.manifest.NodeCompiler;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.manifest.SourcedObject;
import io.hns.model.manifest.WorkloadCompiler;
import io.hns.simulator.controller.PodLifecycle;
import io.hns.simulator.state.ClusterState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Client writes, turned into what the simulated cluster does with them. Objects the clients own
 * (Deployments, HPAs, namespaces, and plain stored kinds such as ConfigMaps) are stored as written,
 * with the API's defaults, and handed to the simulator ({@code WorkloadController.apply/scale/
 * delete}, the HPA controller); objects the cluster owns (pods, nodes, ReplicaSets) are changed in
 * the simulator's state and reach the store through the {@link Mirror}. Validation happens before
 * any change, so a refused request changes nothing.
 */
final class ClientWrites {
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final String PDBS = "policy/poddisruptionbudgets";
  static final Set<String> PROTECTED_NAMESPACES = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

  private final EmulatedAks aks;
  private final ClusterState state;
  private final ObjectStore store;
  private final Mirror mirror;
  private final SimClock clock;

  ClientWrites(EmulatedAks aks, ObjectStore store, Mirror mirror, SimClock clock) {
    this.aks = aks;
    this.state = aks.state();
    this.store = store;
    this.mirror = mirror;
    this.clock = clock;
  }

  /** The namespaces every cluster has, and those of the scenario's system pods. */
  void createInitialNamespaces() {
    Set<String> names = new java.util.TreeSet<>(PROTECTED_NAMESPACES);
    for (Pod p : state.pods()) {
      names.add(p.namespace());
    }
    for (String n : names) {
      store.put(Mirror.NAMESPACES, namespaceObject(n, 0));
    }
  }

  private ObjectNode namespaceObject(String name, long sim) {
    ObjectNode o = Json.object();
    o.put("apiVersion", "v1");
    o.put("kind", "Namespace");
    ObjectNode m = o.putObject("metadata");
    m.put("name", name);
    m.put("uid", aks.clientNames().uid());
    m.put("creationTimestamp", Json.time(clock.epoch(sim)));
    m.putObject("labels").put("kubernetes.io/metadata.name", name);
    o.putObject("spec").putArray("finalizers").add("kubernetes");
    o.putObject("status").put("phase", "Active");
    return o;
  }

  private String now() {
    return Json.time(clock.epoch(state.now()));
  }

  // ---- create ------------------------------------------------------------------------------

  /** POST to a collection. Returns the stored object (the caller reads it back after a sync). */
  String[] create(ResourceType t, String ns, ObjectNode body, boolean dryRun) {
    checkKind(t, body);
    ObjectNode o = Conversions.toStorage(t, body);
    ObjectNode m = Json.meta(o);
    String name = m.path("name").asText("");
    if (name.isEmpty()) {
      String generate = m.path("generateName").asText("");
      if (generate.isEmpty()) {
        throw ApiException.invalid(t, "", "metadata.name", "Required value: name or generateName is required");
      }
      name = generate + aks.clientNames().suffix(5);
      m.put("name", name);
    }
    validateName(t, name);
    String namespace = scope(t, ns, o);
    if (store.get(t.storage(), namespace, name) != null) {
      throw ApiException.alreadyExists(t, name);
    }
    m.remove("resourceVersion");
    m.put("uid", aks.clientNames().uid());
    m.put("creationTimestamp", now());
    m.remove("deletionTimestamp");
    m.remove("managedFields");
    switch (t.storage()) {
      case Mirror.DEPLOYMENTS -> {
        o.remove("status");
        m.put("generation", 1);
        deploymentDefaults(o);
        Workload w = compileWorkload(t, o);
        if (!dryRun) {
          store.put(t.storage(), o);
          aks.workloads().apply(w);
          mirror.workloadsChanged();
        }
      }
      case Mirror.REPLICASETS -> {
        o.remove("status");
        templateDefaults(o);
        Workload w = compileWorkload(t, o);
        if (!dryRun) {
          mirror.registerTemplate(namespace, name, (ObjectNode) o.path("spec").path("template"));
          aks.workloads().apply(w);
          mirror.workloadsChanged();
        }
      }
      case Mirror.PODS -> {
        o.remove("status");
        Pod pod = compilePod(t, o);
        if (state.pod(pod.key()) != null) {
          throw ApiException.alreadyExists(t, name);
        }
        if (!dryRun) {
          mirror.registerPodSpec(pod.key(), (ObjectNode) o.path("spec"));
          state.addPod(pod.toBuilder().uid(m.path("uid").asText()).creationTime(state.now()).build());
        }
      }
      case Mirror.NODES -> {
        Node node = compileNode(t, o);
        if (!dryRun) {
          state.addNode(node);
        }
      }
      case Mirror.NAMESPACES -> {
        ObjectNode ns0 = namespaceObject(name, state.now());
        if (o.path("metadata").path("labels").isObject()) {
          Json.with(Json.meta(ns0), "labels").setAll((ObjectNode) o.path("metadata").path("labels"));
        }
        if (o.path("metadata").path("annotations").isObject()) {
          Json.meta(ns0).set("annotations", o.path("metadata").path("annotations").deepCopy());
        }
        if (!dryRun) {
          store.put(t.storage(), ns0);
        }
      }
      case Mirror.HPAS -> {
        o.remove("status");
        hpaDefaults(o);
        HpaSpec spec = compileHpa(t, o);
        if (!dryRun) {
          store.put(t.storage(), o);
          aks.hpas().apply(spec);
          mirror.workloadsChanged();
        }
      }
      case Mirror.EVENTS -> {
        if (!dryRun) store.put(t.storage(), o);
      }
      default -> {
        if (!dryRun) store.put(t.storage(), o);
      }
    }
    return new String[] {namespace, name};
  }

  private static void checkKind(ResourceType t, ObjectNode body) {
    String kind = body.path("kind").asText("");
    String apiVersion = body.path("apiVersion").asText("");
    if (!kind.isEmpty() && !kind.equals(t.kind())) {
      throw ApiException.badRequest("the kind of the object in the request (" + kind + ") does not match the resource "
          + t.qualified() + " (" + t.kind() + ")");
    }
    if (!apiVersion.isEmpty() && !apiVersion.equals(t.apiVersion())) {
      throw ApiException.badRequest("the API version in the data (" + apiVersion
          + ") does not match the expected API version (" + t.apiVersion() + ")");
    }
  }

  private static void validateName(ResourceType t, String name) {
    boolean label = t.name().equals("namespaces");
    Pattern p = label ? DNS_LABEL : DNS_SUBDOMAIN;
    if (!p.matcher(name).matches() || name.length() > (label ? 63 : 253)) {
      throw ApiException.invalid(t, name, "metadata.name", "Invalid value: \"" + name + "\": a lowercase RFC 1123 "
          + (label ? "label" : "subdomain") + " must consist of lower case alphanumeric characters, '-'"
          + (label ? "" : " or '.'") + ", and must start and end with an alphanumeric character");
    }
  }

  /** Fills in or checks metadata.namespace; the namespace must exist. Returns it ("" when cluster-scoped). */
  private String scope(ResourceType t, String urlNamespace, ObjectNode o) {
    ObjectNode m = Json.meta(o);
    if (!t.namespaced()) {
      m.remove("namespace");
      return "";
    }
    String bodyNs = m.path("namespace").asText("");
    if (!bodyNs.isEmpty() && !bodyNs.equals(urlNamespace)) {
      throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    m.put("namespace", urlNamespace);
    ObjectNode ns = store.get(Mirror.NAMESPACES, "", urlNamespace);
    if (ns == null) {
      throw new ApiException(404, "NotFound", "namespaces \"" + urlNamespace + "\" not found");
    }
    if ("Terminating".equals(Json.str(ns, "status", "phase"))) {
      throw ApiException.forbidden(t, Json.name(o), "unable to create new content in namespace " + urlNamespace
          + " because it is being terminated");
    }
    return urlNamespace;
  }

  // ---- defaults and compilation ------------------------------------------------------------

  static void deploymentDefaults(ObjectNode d) {
    ObjectNode spec = Json.with(d, "spec");
    if (!spec.has("replicas") || spec.get("replicas").isNull()) spec.put("replicas", 1);
    if (!spec.has("revisionHistoryLimit")) spec.put("revisionHistoryLimit", 10);
    if (!spec.has("progressDeadlineSeconds")) spec.put("progressDeadlineSeconds", 600);
    ObjectNode strategy = Json.with(spec, "strategy");
    if (!strategy.has("type")) strategy.put("type", "RollingUpdate");
    if (strategy.path("type").asText().equals("RollingUpdate")) {
      ObjectNode ru = Json.with(strategy, "rollingUpdate");
      if (!ru.has("maxUnavailable")) ru.put("maxUnavailable", "25%");
      if (!ru.has("maxSurge")) ru.put("maxSurge", "25%");
    }
    templateDefaults(d);
  }

  private static void templateDefaults(ObjectNode o) {
    JsonNode t = o.path("spec").path("template");
    if (t instanceof ObjectNode to) {
      Json.with(to, "metadata");
      if (to.path("spec") instanceof ObjectNode ts) {
        Mirror.podDefaults(ts, false);
      }
    }
  }

  private static void hpaDefaults(ObjectNode h) {
    ObjectNode spec = Json.with(h, "spec");
    if (!spec.has("minReplicas")) spec.put("minReplicas", 1);
    if (!spec.has("metrics") || spec.get("metrics").isEmpty()) {
      ObjectNode m = spec.putArray("metrics").addObject();
      m.put("type", "Resource");
      ObjectNode r = m.putObject("resource");
      r.put("name", "cpu");
      ObjectNode target = r.putObject("target");
      target.put("type", "Utilization");
      target.put("averageUtilization", 80);
    }
  }

  private static SourcedObject sourced(ResourceType t, ObjectNode o) {
    return new SourcedObject(t.kind(), Conversions.storageApiVersion(t), o, "request");
  }

  private static ApiException invalid(ResourceType t, ObjectNode o, RuntimeException e) {
    String msg = e.getMessage() == null ? e.toString() : e.getMessage();
    int cut = msg.startsWith("request") ? msg.indexOf("): ") : -1;
    if (cut >= 0) {
      msg = msg.substring(cut + 3);
    } else if (msg.startsWith("request: ")) {
      msg = msg.substring("request: ".length());
    }
    int colon = msg.indexOf(": ");
    String field = colon > 0 && !msg.substring(0, colon).contains(" ") ? msg.substring(0, colon) : null;
    return ApiException.invalid(t, Json.name(o), field, field == null ? msg : msg.substring(colon + 2));
  }

  private static Workload compileWorkload(ResourceType t, ObjectNode o) {
    try {
      return WorkloadCompiler.compile(sourced(t, o));
    } catch (ManifestException | IllegalArgumentException e) {
      throw invalid(t, o, e);
    }
  }

  private static Pod compilePod(ResourceType t, ObjectNode o) {
    if (!o.path("spec").path("containers").isArray() || o.path("spec").path("containers").isEmpty()) {
      throw ApiException.invalid(t, Json.name(o), "spec.containers", "Required value");
    }
    try {
      return PodCompiler.compile(sourced(t, o));
    } catch (ManifestException | IllegalArgumentException e) {
      throw invalid(t, o, e);
    }
  }

  private static Node compileNode(ResourceType t, ObjectNode o) {
    try {
      return NodeCompiler.compile(sourced(t, o));
    } catch (ManifestException | IllegalArgumentException e) {
      throw invalid(t, o, e);
    }
  }

  private static HpaSpec compileHpa(ResourceType t, ObjectNode o) {
    try {
      return HpaCompiler.compile(sourced(t, o));
    } catch (ManifestException | IllegalArgumentException e) {
      throw invalid(t, o, e);
    }
  }

  // ---- update ------------------------------------------------------------------------------

  /** PUT of a whole object (in storage form after conversion). */
  void update(ResourceType t, String ns, String name, ObjectNode body, boolean dryRun, boolean checkVersion) {
    checkKind(t, body);
    ObjectNode current = store.get(t.storage(), ns, name);
    if (current == null) {
      throw ApiException.notFound(t, name);
    }
    ObjectNode o = Conversions.toStorage(t, body);
    ObjectNode m = Json.meta(o);
    String bodyName = m.path("name").asText("");
    if (!bodyName.isEmpty() && !bodyName.equals(name)) {
      throw ApiException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL (" + name + ")");
    }
    m.put("name", name);
    if (t.namespaced()) {
      String bodyNs = m.path("namespace").asText("");
      if (!bodyNs.isEmpty() && !bodyNs.equals(ns)) {
        throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
      }
      m.put("namespace", ns);
    } else {
      m.remove("namespace");
    }
    String rv = m.path("resourceVersion").asText("");
    if (checkVersion && !rv.isEmpty() && !rv.equals(Json.str(current, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(t, name);
    }
    ObjectNode cm = (ObjectNode) current.get("metadata");
    for (String keep : List.of("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation")) {
      if (cm.has(keep)) m.set(keep, cm.get(keep).deepCopy());
      else m.remove(keep);
    }
    m.remove("managedFields");
    if (t.subresources().contains("status")) {
      if (current.has("status")) o.set("status", current.get("status").deepCopy());
      else o.remove("status");
    }
    switch (t.storage()) {
      case Mirror.DEPLOYMENTS -> {
        deploymentDefaults(o);
        if (!o.path("spec").path("selector").equals(current.path("spec").path("selector"))) {
          throw ApiException.invalid(t, name, "spec.selector", "Invalid value: " + Json.text(o.path("spec").path("selector"))
              + ": field is immutable");
        }
        Workload w = compileWorkload(t, o);
        boolean specChanged = !o.path("spec").equals(current.path("spec"));
        if (specChanged) {
          m.put("generation", cm.path("generation").asLong(1) + 1);
        }
        if (!dryRun) {
          store.put(t.storage(), o);
          if (specChanged) {
            aks.workloads().apply(w);
          }
          mirror.workloadsChanged();
        }
      }
      case Mirror.REPLICASETS -> {
        int replicas = o.path("spec").path("replicas").asInt(1);
        if (replicas < 0) {
          throw ApiException.invalid(t, name, "spec.replicas", "Invalid value: " + replicas + ": must be greater than or equal to 0");
        }
        Workload rs = state.replicaSet(ns, name);
        if (!dryRun && rs != null && rs.replicas() != replicas) {
          aks.workloads().scale(ns, name, replicas);
          mirror.workloadsChanged();
        }
      }
      case Mirror.PODS -> updatePod(t, ns, name, current, o, dryRun);
      case Mirror.NODES -> updateNode(t, name, o, dryRun);
      case Mirror.HPAS -> {
        hpaDefaults(o);
        HpaSpec spec = compileHpa(t, o);
        if (!o.path("spec").equals(current.path("spec"))) {
          m.put("generation", cm.path("generation").asLong(1) + 1);
        }
        if (!dryRun) {
          store.put(t.storage(), o);
          aks.hpas().apply(spec);
          mirror.workloadsChanged();
        }
      }
      case Mirror.NAMESPACES -> {
        o.set("spec", current.path("spec").deepCopy());
        o.set("status", current.path("status").deepCopy());
        if (!dryRun) store.put(t.storage(), o);
      }
      default -> {
        if (!dryRun) store.put(t.storage(), o);
      }
    }
  }

  /** Pods accept changes to labels and annotations only (the rest of a pod's spec is immutable here). */
  private void updatePod(ResourceType t, String ns, String name, ObjectNode current, ObjectNode o, boolean dryRun) {
    JsonNode newSpec = o.path("spec");
    if (newSpec.isObject() && !newSpec.equals(current.path("spec"))) {
      throw ApiException.invalid(t, name, "spec", "Forbidden: pod updates may not change fields other than "
          + "`spec.containers[*].image`, `spec.initContainers[*].image`, `spec.activeDeadlineSeconds`, "
          + "`spec.tolerations` (only additions to existing tolerations) or `spec.terminationGracePeriodSeconds` "
          + "(the emulator changes none of them)");
    }
    Pod pod = state.pod(ns + "/" + name);
    if (pod == null || dryRun) {
      return;
    }
    Labels labels = labelsOf(o.path("metadata").path("labels"));
    Labels annotations = labelsOf(o.path("metadata").path("annotations"));
    if (!labels.equals(pod.labels()) || !annotations.equals(pod.annotations())) {
      state.updatePod(pod.toBuilder().labels(labels).annotations(annotations).build());
    }
  }

  /** Nodes accept changes to labels, annotations, taints and unschedulable (cordon). */
  private void updateNode(ResourceType t, String name, ObjectNode o, boolean dryRun) {
    Node node = state.node(name);
    if (node == null) {
      throw ApiException.notFound(t, name);
    }
    List<Taint> taints = new ArrayList<>();
    JsonNode ts = o.path("spec").path("taints");
    for (int i = 0; i < ts.size(); i++) {
      JsonNode tn = ts.get(i);
      TaintEffect effect;
      try {
        effect = TaintEffect.parse(tn.path("effect").asText(""));
      } catch (IllegalArgumentException e) {
        throw ApiException.invalid(t, name, "spec.taints[" + i + "].effect", "Unsupported value: \""
            + tn.path("effect").asText("") + "\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"");
      }
      if (tn.path("key").asText("").isEmpty()) {
        throw ApiException.invalid(t, name, "spec.taints[" + i + "].key", "Required value");
      }
      taints.add(new Taint(tn.path("key").asText(), tn.path("value").asText(""), effect));
    }
    Node updated = new Node(name, labelsOf(o.path("metadata").path("labels")),
        labelsOf(o.path("metadata").path("annotations")).equals(node.annotations()) ? node.annotations()
            : withoutKubeletAnnotations(labelsOf(o.path("metadata").path("annotations"))),
        ImmutableList.copyOf(taints), node.capacity(), node.allocatable(),
        o.path("spec").path("unschedulable").asBoolean(false), node.ready(), node.providerId(), node.creationTime(),
        node.imageSizes());
    if (!dryRun && !updated.equals(node)) {
      state.updateNode(updated);
    }
  }

  private static Labels withoutKubeletAnnotations(Labels a) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>(a.asMap());
    m.remove("node.alpha.kubernetes.io/ttl");
    m.remove("volumes.kubernetes.io/controller-managed-attach-detach");
    return Labels.of(m);
  }

  private static Labels labelsOf(JsonNode n) {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    if (n != null && n.isObject()) {
      n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    }
    return Labels.of(m);
  }

  // ---- delete ------------------------------------------------------------------------------

  /**
   * DELETE of one object. Returns the object when its deletion is graceful (a bound pod keeps
   * running until its kubelet stops it), else null (deleted at once).
   */
  boolean delete(ResourceType t, String ns, String name, JsonNode options, boolean dryRun) {
    ObjectNode current = store.get(t.storage(), ns, name);
    if (current == null) {
      throw ApiException.notFound(t, name);
    }
    if (dryRun) {
      return false;
    }
    switch (t.storage()) {
      case Mirror.DEPLOYMENTS -> {
        if (state.deployment(ns, name) != null) {
          aks.workloads().delete("Deployment", ns, name);
        }
        store.remove(t.storage(), ns, name);
        mirror.workloadsChanged();
      }
      case Mirror.REPLICASETS -> {
        if (state.replicaSet(ns, name) != null) {
          aks.workloads().delete("ReplicaSet", ns, name);
        }
        mirror.workloadsChanged();
      }
      case Mirror.PODS -> {
        Pod pod = state.pod(ns + "/" + name);
        if (pod == null) {
          return false;
        }
        PodLifecycle.delete(state, pod);
        JsonNode grace = options == null ? null : options.get("gracePeriodSeconds");
        if (grace != null && grace.asLong(30) == 0 && state.pod(pod.key()) != null) {
          state.removePod(pod.key());
        }
        return state.pod(pod.key()) != null;
      }
      case Mirror.NODES -> state.removeNode(name);
      case Mirror.NAMESPACES -> {
        if (PROTECTED_NAMESPACES.contains(name)) {
          throw ApiException.forbidden(t, name, "this namespace may not be deleted");
        }
        deleteNamespace(name, current);
        return true;
      }
      case Mirror.HPAS -> {
        aks.hpas().delete(ns + "/" + name);
        store.remove(t.storage(), ns, name);
      }
      default -> store.remove(t.storage(), ns, name);
    }
    return false;
  }

  private void deleteNamespace(String name, ObjectNode current) {
    ObjectNode o = current.deepCopy();
    Json.meta(o).put("deletionTimestamp", now());
    Json.with(o, "status").put("phase", "Terminating");
    store.put(Mirror.NAMESPACES, o);
    for (Workload d : List.copyOf(state.deployments())) {
      if (d.namespace().equals(name)) aks.workloads().delete("Deployment", name, d.name());
    }
    for (Workload rs : List.copyOf(state.replicaSets())) {
      if (rs.namespace().equals(name)) aks.workloads().delete("ReplicaSet", name, rs.name());
    }
    for (Pod p : List.copyOf(state.pods())) {
      if (p.namespace().equals(name)) PodLifecycle.delete(state, p);
    }
    for (ObjectNode h : store.list(Mirror.HPAS, name)) {
      aks.hpas().delete(name + "/" + Json.name(h));
    }
    for (String storage : List.of(Mirror.DEPLOYMENTS, Mirror.HPAS, Mirror.EVENTS, "configmaps", "secrets", "services",
        "serviceaccounts", "endpoints", "coordination.k8s.io/leases", "policy/poddisruptionbudgets")) {
      for (ObjectNode x : store.list(storage, name)) {
        store.remove(storage, name, Json.name(x));
      }
    }
    mirror.workloadsChanged();
  }

  // ---- subresources ------------------------------------------------------------------------

  /** The autoscaling/v1 Scale of a Deployment or ReplicaSet. */
  ObjectNode scale(ResourceType t, String ns, String name) {
    ObjectNode o = store.get(t.storage(), ns, name);
    if (o == null) {
      throw ApiException.notFound(t, name);
    }
    Workload w = t.storage().equals(Mirror.DEPLOYMENTS) ? state.deployment(ns, name) : state.replicaSet(ns, name);
    ObjectNode s = Json.object();
    s.put("kind", "Scale");
    s.put("apiVersion", "autoscaling/v1");
    ObjectNode m = s.putObject("metadata");
    m.put("name", name);
    m.put("namespace", ns);
    m.put("uid", Json.str(o, "metadata", "uid"));
    m.put("resourceVersion", Json.str(o, "metadata", "resourceVersion"));
    m.put("creationTimestamp", Json.str(o, "metadata", "creationTimestamp"));
    s.putObject("spec").put("replicas", o.path("spec").path("replicas").asInt(1));
    ObjectNode st = s.putObject("status");
    st.put("replicas", o.path("status").path("replicas").asInt(0));
    if (w != null) {
      st.put("selector", Mirror.selectorString(w.selector()));
    }
    return s;
  }

  /** PUT or PATCH of the scale subresource: {@code kubectl scale}. */
  void setScale(ResourceType t, String ns, String name, ObjectNode newScale, boolean dryRun) {
    ObjectNode current = store.get(t.storage(), ns, name);
    if (current == null) {
      throw ApiException.notFound(t, name);
    }
    JsonNode r = newScale.path("spec").path("replicas");
    if (!r.canConvertToInt() || r.asInt() < 0) {
      throw new ApiException(422, "Invalid", "Scale.autoscaling \"" + name + "\" is invalid: spec.replicas: Invalid value: "
          + r + ": must be greater than or equal to 0");
    }
    String rv = Json.str(newScale, "metadata", "resourceVersion");
    if (!rv.isEmpty() && !rv.equals(Json.str(current, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(t, name);
    }
    int replicas = r.asInt();
    if (dryRun) {
      return;
    }
    if (t.storage().equals(Mirror.DEPLOYMENTS)) {
      if (current.path("spec").path("replicas").asInt(1) != replicas) {
        ObjectNode o = current.deepCopy();
        ((ObjectNode) o.get("spec")).put("replicas", replicas);
        Json.meta(o).put("generation", current.path("metadata").path("generation").asLong(1) + 1);
        store.put(t.storage(), o);
        aks.workloads().scale(ns, name, replicas);
      }
    } else if (state.replicaSet(ns, name) != null) {
      aks.workloads().scale(ns, name, replicas);
    }
    mirror.workloadsChanged();
  }

  /**
   * POST pods/NAME/eviction: refused with 429 while a PodDisruptionBudget covering the pod allows
   * no disruption (the model's arithmetic, as the simulator's Eviction API applies it), else a
   * graceful delete.
   */
  void evict(ResourceType t, String ns, String name, ObjectNode body) {
    String kind = body.path("kind").asText("Eviction");
    if (!kind.equals("Eviction") && !kind.equals("DeleteOptions")) {
      throw ApiException.badRequest("the body of an eviction must be an Eviction, not " + kind);
    }
    Pod pod = state.pod(ns + "/" + name);
    if (pod == null) {
      throw ApiException.notFound(t, name);
    }
    for (ObjectNode o : store.list(PDBS, ns)) {
      DisruptionBudget b;
      try {
        b = DisruptionBudgetCompiler.compile(new SourcedObject(DisruptionBudgetCompiler.KIND, "policy/v1", o, "store"));
      } catch (ManifestException | IllegalArgumentException e) {
        continue; // a budget the model cannot read protects nothing here
      }
      if (b.covers(pod) && b.disruptionsAllowed(state.pods()) <= 0) {
        throw new ApiException(429, "TooManyRequests", "Cannot evict pod as it would violate the pod's disruption budget.");
      }
    }
    PodLifecycle.delete(state, pod);
  }
}
