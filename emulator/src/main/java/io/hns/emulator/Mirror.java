package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.hash.Hashing;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.LabelRequirement;
import io.hns.model.cluster.LabelSelector;
import io.hns.model.cluster.Node;
import io.hns.model.cluster.NodeKind;
import io.hns.model.cluster.OwnerRef;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.PodPhase;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.Taint;
import io.hns.model.cluster.Times;
import io.hns.model.cluster.Toleration;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.PodUsage;
import io.hns.simulator.controller.NameGenerator;
import io.hns.simulator.state.ClusterEvent;
import io.hns.simulator.state.ClusterState;
import io.hns.simulator.state.ObjectRef;
import io.hns.simulator.state.StateListener;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Projects the simulator's cluster state into the store the API serves: nodes, pods (with status,
 * IPs, conditions and container statuses), ReplicaSets, the status of Deployments and HPAs, and
 * events. Listens to the state as an informer would and re-renders what changed at each
 * {@link #sync()}; an unchanged rendering sends no watch event.
 *
 * <p>The simulator's model keeps what scheduling needs; the rest of a pod's spec comes from what
 * the client wrote (the Deployment's template, captured when each ReplicaSet appears, or the Pod)
 * or from the scenario's system-pod files.
 */
final class Mirror implements StateListener {
  static final String PODS = "pods";
  static final String NODES = "nodes";
  static final String NAMESPACES = "namespaces";
  static final String EVENTS = "events";
  static final String DEPLOYMENTS = "apps/deployments";
  static final String REPLICASETS = "apps/replicasets";
  static final String HPAS = "autoscaling/horizontalpodautoscalers";
  static final String LEASES = "coordination.k8s.io/leases";
  static final String NODE_LEASE_NAMESPACE = "kube-node-lease";
  static final String TEMPLATE_HASH = "pod-template-hash";
  static final String REVISION = "deployment.kubernetes.io/revision";
  static final int MAX_EVENTS = 10_000;
  private static final long HPA_REFRESH_MS = 5_000;

  private final EmulatedAks aks;
  private final ClusterState state;
  private final ObjectStore store;
  private final SimClock clock;
  private final SystemPodSpecs systemSpecs;
  private final IpAllocator ips = new IpAllocator();

  private final Set<String> dirtyPods = new LinkedHashSet<>();
  private final Set<String> dirtyNodes = new LinkedHashSet<>();
  private boolean workloadsDirty = true;
  private boolean hpasDirty = true;
  private long lastHpaSync = Long.MIN_VALUE;

  private final Map<String, Long> bindTimes = new HashMap<>();
  private final Map<String, String> schedulingFailures = new HashMap<>();
  private final Map<String, String> providerFailures = new HashMap<>();
  private final Map<String, ObjectNode> templates = new HashMap<>();
  private final Map<String, ObjectNode> clientPodSpecs = new HashMap<>();
  private final Map<String, Long> rsCreated = new HashMap<>();
  private final Map<String, Integer> rsRevision = new HashMap<>();
  private final Map<String, int[]> rsGeneration = new HashMap<>();
  private final Map<String, Integer> lastRevision = new HashMap<>();
  private final Map<String, Long> nodeTransitions = new HashMap<>();
  private final Map<String, Long> hpaLastScale = new HashMap<>();

  private record PendingEvent(ClusterEvent event, String uid, String apiVersion, String component, String host,
      String fieldPath) {}

  private final List<PendingEvent> pendingEvents = new ArrayList<>();
  private final Map<String, String> eventNames = new HashMap<>();
  private final ArrayDeque<String[]> eventOrder = new ArrayDeque<>();
  private long eventSequence;

  Mirror(EmulatedAks aks, ObjectStore store, SimClock clock, SystemPodSpecs systemSpecs) {
    this.aks = aks;
    this.state = aks.state();
    this.store = store;
    this.clock = clock;
    this.systemSpecs = systemSpecs;
    state.events().subscribe(this::onEvent);
  }

  // ---- informer callbacks ------------------------------------------------------------------

  @Override
  public void podAdded(Pod pod) {
    dirtyPods.add(pod.key());
    if (pod.isAssigned()) {
      bindTimes.putIfAbsent(pod.key(), Times.isSet(pod.creationTime()) ? pod.creationTime() : state.now());
    }
  }

  @Override
  public void podUpdated(Pod before, Pod after) {
    dirtyPods.add(after.key());
    if (!before.isAssigned() && after.isAssigned()) {
      bindTimes.put(after.key(), state.now());
    }
  }

  @Override
  public void podRemoved(Pod pod) {
    dirtyPods.add(pod.key());
  }

  @Override
  public void nodeAdded(Node node) {
    dirtyNodes.add(node.name());
    nodeTransitions.put(node.name(), state.now());
  }

  @Override
  public void nodeUpdated(Node before, Node after) {
    dirtyNodes.add(after.name());
    if (before.ready() != after.ready()) {
      nodeTransitions.put(after.name(), state.now());
    }
  }

  @Override
  public void nodeRemoved(Node node) {
    dirtyNodes.add(node.name());
  }

  @Override
  public void workloadChanged(Workload w) {
    workloadsDirty = true;
    if (!w.kind().equals("ReplicaSet")) {
      return;
    }
    String key = w.namespace() + "/" + w.name();
    if (rsCreated.containsKey(key)) {
      return;
    }
    rsCreated.put(key, state.now());
    if (w.owner() != null && w.owner().kind().equals("Deployment")) {
      ObjectNode d = store.get(DEPLOYMENTS, w.namespace(), w.owner().name());
      if (d != null && d.path("spec").path("template").isObject()) {
        ObjectNode t = ((ObjectNode) d.path("spec").path("template")).deepCopy();
        String hash = w.name().substring(Math.min(w.name().length(), w.owner().name().length() + 1));
        Json.with(Json.with(t, "metadata"), "labels").put(TEMPLATE_HASH, hash);
        templates.put(key, t);
      }
      rsRevision.put(key, lastRevision.merge(w.owner().uid(), 1, Integer::sum));
    }
  }

  /** Marks everything derived from workloads for re-rendering (after a client write). */
  void workloadsChanged() {
    workloadsDirty = true;
    hpasDirty = true;
  }

  /** The pod template a standalone ReplicaSet was written with; call before applying it. */
  void registerTemplate(String namespace, String rsName, ObjectNode template) {
    templates.put(namespace + "/" + rsName, template.deepCopy());
  }

  /** The spec a client created a pod with; call before adding it to the state. */
  void registerPodSpec(String key, ObjectNode spec) {
    clientPodSpecs.put(key, spec.deepCopy());
  }

  // ---- events ------------------------------------------------------------------------------

  private void onEvent(ClusterEvent e) {
    ObjectRef ref = e.object();
    String key = ref.namespace() + "/" + ref.name();
    String uid = "";
    String apiVersion = "v1";
    String host = "";
    String fieldPath = "";
    switch (ref.kind()) {
      case "Pod" -> {
        Pod p = state.pod(key);
        if (p != null) {
          uid = p.uid();
          host = p.nodeName();
          fieldPath = containerFieldPath(p, e);
        }
        switch (e.reason()) {
          case "FailedScheduling" -> {
            schedulingFailures.put(key, e.message());
            dirtyPods.add(key);
          }
          case "ProviderCreateFailed" -> {
            providerFailures.put(key, e.message());
            dirtyPods.add(key);
          }
          case "ProviderCreateSuccess" -> providerFailures.remove(key);
          default -> { }
        }
      }
      case "Node" -> uid = nodeUid(ref.name());
      case "Deployment" -> {
        Workload d = state.deployment(ref.namespace(), ref.name());
        uid = d == null ? "" : d.uid();
        apiVersion = "apps/v1";
      }
      case "ReplicaSet" -> {
        Workload rs = state.replicaSet(ref.namespace(), ref.name());
        uid = rs == null ? "" : rs.uid();
        apiVersion = "apps/v1";
      }
      case "HorizontalPodAutoscaler" -> {
        ObjectNode h = store.get(HPAS, ref.namespace(), ref.name());
        uid = h == null ? "" : Json.str(h, "metadata", "uid");
        apiVersion = "autoscaling/v2";
        if (e.reason().equals("SuccessfulRescale")) {
          hpaLastScale.put(key, e.time());
          hpasDirty = true;
        }
      }
      default -> { }
    }
    String component = component(e.reason());
    if (!component.equals("kubelet")) {
      host = "";
    }
    pendingEvents.add(new PendingEvent(e, uid, apiVersion, component, host, fieldPath));
  }

  private static String containerFieldPath(Pod p, ClusterEvent e) {
    String reason = e.reason();
    if (!Set.of("Pulling", "Pulled", "Created", "Started", "Killing").contains(reason)) {
      return "";
    }
    for (ContainerRequest c : p.spec().containers()) {
      String image = c.image() == null ? "" : c.image();
      if (e.message().endsWith("container " + c.name()) || (!image.isEmpty() && e.message().contains("\"" + image + "\""))) {
        return "spec.containers{" + c.name() + "}";
      }
    }
    return "";
  }

  String component(String reason) {
    return switch (reason) {
      case "Scheduled", "FailedScheduling", "Preempted" -> "default-scheduler";
      case "ScalingReplicaSet" -> "deployment-controller";
      case "SuccessfulCreate", "SuccessfulDelete", "FailedCreate" -> "replicaset-controller";
      case "Pulling", "Pulled", "Created", "Started", "Killing", "BackOff", "Failed", "NodeReady", "NodeNotReady",
          "Starting" -> "kubelet";
      case "ProviderCreateSuccess", "ProviderCreateFailed", "ProviderDeleteSuccess" ->
          aks.scenario().virtualNode().name() + "/pod-controller";
      case "SuccessfulRescale", "FailedGetResourceMetric", "FailedComputeMetricsReplicas" -> "horizontal-pod-autoscaler";
      case "RegisteredNode", "RemovingNode" -> "node-controller";
      case "TriggeredScaleUp", "NotTriggerScaleUp", "ScaledUpGroup", "FailedToScaleUpGroup", "ScaleUpTimedOut",
          "ScaleUpFailed", "MaxNodesTotalReached", "DeleteUnregistered", "ScaleDown", "ScaleDownEmpty",
          "ScaleDownFailed", "Evicted" -> "cluster-autoscaler";
      default -> "hns-emulator";
    };
  }

  private void flushEvents() {
    // The simulator binds a pod and lets its kubelet react within the same call, before the
    // scheduler records Scheduled; on a real cluster the kubelet's events come after it.
    pendingEvents.sort(java.util.Comparator.comparingLong((PendingEvent pe) -> pe.event().time())
        .thenComparingInt(pe -> pe.event().reason().equals("Scheduled") ? 0 : 1));
    for (PendingEvent pe : pendingEvents) {
      ClusterEvent e = pe.event();
      ObjectRef ref = e.object();
      String ns = ref.namespace().isEmpty() ? "default" : ref.namespace();
      String aggregate = String.join("\u0000", ref.kind(), ns, ref.name(), pe.uid(), pe.fieldPath(), e.type(), e.reason(),
          e.message(), pe.component());
      String existing = eventNames.get(aggregate);
      ObjectNode stored = existing == null ? null : store.get(EVENTS, ns, existing);
      if (stored != null) {
        ObjectNode o = stored.deepCopy();
        o.put("count", o.path("count").asInt(1) + 1);
        o.put("lastTimestamp", eventTime(e.time()));
        store.put(EVENTS, o);
        continue;
      }
      long epoch = clock.epoch(e.time());
      String name = ref.name() + "." + String.format("%x", epoch * 1_000_000L + (eventSequence++ % 1_000_000L));
      ObjectNode o = Json.object();
      o.put("apiVersion", "v1");
      o.put("kind", "Event");
      ObjectNode m = o.putObject("metadata");
      m.put("name", name);
      m.put("namespace", ns);
      m.put("uid", UUID.nameUUIDFromBytes(("event/" + ns + "/" + name).getBytes(StandardCharsets.UTF_8)).toString());
      m.put("creationTimestamp", Json.time(epoch));
      ObjectNode inv = o.putObject("involvedObject");
      inv.put("kind", ref.kind());
      if (!ref.namespace().isEmpty()) inv.put("namespace", ref.namespace());
      inv.put("name", ref.name());
      if (!pe.uid().isEmpty()) inv.put("uid", pe.uid());
      inv.put("apiVersion", pe.apiVersion());
      if (!pe.fieldPath().isEmpty()) inv.put("fieldPath", pe.fieldPath());
      o.put("reason", e.reason());
      o.put("message", e.message());
      ObjectNode src = o.putObject("source");
      src.put("component", pe.component());
      if (!pe.host().isEmpty()) src.put("host", pe.host());
      String at = eventTime(e.time());
      o.put("firstTimestamp", at);
      o.put("lastTimestamp", at);
      o.put("count", 1);
      o.put("type", e.type());
      o.putNull("eventTime");
      o.put("reportingComponent", pe.component());
      o.put("reportingInstance", pe.host());
      store.put(EVENTS, o);
      eventNames.put(aggregate, name);
      eventOrder.addLast(new String[] {aggregate, ns, name});
      while (eventOrder.size() > MAX_EVENTS) {
        String[] old = eventOrder.removeFirst();
        eventNames.remove(old[0]);
        store.remove(EVENTS, old[1], old[2]);
      }
    }
    pendingEvents.clear();
  }

  /**
   * An event's time with microseconds: metav1.Time is written with seconds, but clients parse
   * fractions, and at high speeds many events share a second. The microseconds below the
   * millisecond keep the recording order of events at the same simulated instant, so that kubectl
   * describe lists Scheduled before ProviderCreateSuccess.
   */
  private String eventTime(long sim) {
    long epoch = clock.epoch(sim);
    if (sim != lastEventSim) {
      lastEventSim = sim;
      sameInstant = 0;
    }
    return Json.microTime(epoch, Math.min(999, sameInstant++));
  }

  private long lastEventSim = Long.MIN_VALUE;
  private int sameInstant;

  // ---- sync --------------------------------------------------------------------------------

  /** Writes every change since the last sync into the store. */
  void sync() {
    for (String name : drain(dirtyNodes)) {
      Node n = state.node(name);
      if (n == null) {
        store.remove(NODES, "", name);
        store.remove(LEASES, NODE_LEASE_NAMESPACE, name);
        nodeTransitions.remove(name);
      } else {
        store.putIfChanged(NODES, renderNode(n));
        store.putIfChanged(LEASES, renderLease(n));
      }
    }
    boolean podsChanged = !dirtyPods.isEmpty();
    for (String key : drain(dirtyPods)) {
      Pod p = state.pod(key);
      if (p == null) {
        int slash = key.indexOf('/');
        store.remove(PODS, key.substring(0, slash), key.substring(slash + 1));
        ips.release(key);
        bindTimes.remove(key);
        schedulingFailures.remove(key);
        providerFailures.remove(key);
        clientPodSpecs.remove(key);
      } else {
        store.putIfChanged(PODS, renderPod(p));
      }
    }
    if (workloadsDirty || podsChanged) {
      workloadsDirty = false;
      syncWorkloads();
    }
    flushEvents();
    long now = state.now();
    if (hpasDirty || podsChanged || now - lastHpaSync >= HPA_REFRESH_MS) {
      hpasDirty = false;
      lastHpaSync = now;
      syncHpas();
    }
    syncNamespaces();
  }

  private static List<String> drain(Set<String> set) {
    List<String> out = new ArrayList<>(set);
    set.clear();
    return out;
  }

  // ---- nodes -------------------------------------------------------------------------------

  static String nodeUid(String name) {
    return UUID.nameUUIDFromBytes(("node/" + name).getBytes(StandardCharsets.UTF_8)).toString();
  }

  ObjectNode renderNode(Node n) {
    boolean virtual = n.kind() == NodeKind.VIRTUAL;
    ObjectNode o = Json.object();
    o.put("apiVersion", "v1");
    o.put("kind", "Node");
    ObjectNode m = o.putObject("metadata");
    m.put("name", n.name());
    m.put("uid", nodeUid(n.name()));
    m.put("creationTimestamp", Json.time(clock.epoch(n.creationTime())));
    m.set("labels", Json.labels(n.labels().asMap()));
    ObjectNode ann = Json.labels(n.annotations().asMap());
    if (!virtual) {
      ann.put("node.alpha.kubernetes.io/ttl", "0");
      ann.put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
    }
    m.set("annotations", ann);
    ObjectNode spec = o.putObject("spec");
    if (!n.providerId().isEmpty()) {
      spec.put("providerID", n.providerId());
    }
    if (!n.taints().isEmpty()) {
      ArrayNode taints = spec.putArray("taints");
      for (Taint t : n.taints()) {
        ObjectNode to = taints.addObject();
        to.put("key", t.key());
        if (!t.value().isEmpty()) to.put("value", t.value());
        to.put("effect", t.effect().wireName());
      }
    }
    if (n.unschedulable()) {
      spec.put("unschedulable", true);
    }
    ObjectNode status = o.putObject("status");
    status.set("capacity", resources(n.capacity()));
    status.set("allocatable", resources(n.allocatable()));
    long since = clock.epoch(nodeTransitions.getOrDefault(n.name(), n.creationTime()));
    ArrayNode conds = status.putArray("conditions");
    if (!virtual) {
      condition(conds, "MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", since);
      condition(conds, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", since);
      condition(conds, "PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", since);
      if (n.ready()) {
        condition(conds, "Ready", "True", "KubeletReady", "kubelet is posting ready status. AppArmor enabled", since);
      } else {
        condition(conds, "Ready", "False", "KubeletNotReady", "container runtime network not ready: NetworkReady=false", since);
      }
    } else {
      condition(conds, "Ready", n.ready() ? "True" : "False", "KubeletReady", "kubelet is ready.", since);
      condition(conds, "OutOfDisk", "False", "KubeletHasSufficientDisk", "kubelet has sufficient disk space available", since);
      condition(conds, "MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", since);
      condition(conds, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", since);
      condition(conds, "NetworkUnavailable", "False", "RouteCreated", "RouteController created a route", since);
    }
    ArrayNode addresses = status.putArray("addresses");
    String ip = virtual ? virtualNodeIp() : ips.nodeIp(n);
    if (ip != null) {
      ObjectNode a = addresses.addObject();
      a.put("type", "InternalIP");
      a.put("address", ip);
    }
    ObjectNode h = addresses.addObject();
    h.put("type", "Hostname");
    h.put("address", n.name());
    status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
    ObjectNode info = status.putObject("nodeInfo");
    String id = Hashing.sha256().hashString(n.name(), StandardCharsets.UTF_8).toString();
    info.put("machineID", virtual ? "" : id.substring(0, 32));
    info.put("systemUUID", virtual ? "" : UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).toString());
    info.put("bootID", virtual ? "" : UUID.nameUUIDFromBytes((id + "boot").getBytes(StandardCharsets.UTF_8)).toString());
    info.put("kernelVersion", virtual ? "" : "5.4.0-1046-azure");
    info.put("osImage", virtual ? "" : "Ubuntu 18.04.5 LTS");
    info.put("containerRuntimeVersion", virtual ? "" : "containerd://1.4.4+azure");
    info.put("kubeletVersion", virtual ? aks.virtualKubeletVersion() : aks.kubernetesVersion());
    info.put("kubeProxyVersion", virtual ? "" : aks.kubernetesVersion());
    info.put("operatingSystem", "linux");
    info.put("architecture", "amd64");
    if (!n.imageSizes().isEmpty()) {
      ArrayNode images = status.putArray("images");
      for (Map.Entry<String, Long> e : n.imageSizes().entrySet()) {
        ObjectNode img = images.addObject();
        img.putArray("names").add(e.getKey());
        img.put("sizeBytes", e.getValue());
      }
    }
    return o;
  }

  /** The node's heartbeat Lease in kube-node-lease (renewed, here, once: at registration). */
  private ObjectNode renderLease(Node n) {
    ObjectNode o = Json.object();
    o.put("apiVersion", "coordination.k8s.io/v1");
    o.put("kind", "Lease");
    ObjectNode m = o.putObject("metadata");
    m.put("name", n.name());
    m.put("namespace", NODE_LEASE_NAMESPACE);
    m.put("uid", UUID.nameUUIDFromBytes(("lease/" + n.name()).getBytes(StandardCharsets.UTF_8)).toString());
    m.put("creationTimestamp", Json.time(clock.epoch(n.creationTime())));
    ObjectNode ref = m.putArray("ownerReferences").addObject();
    ref.put("apiVersion", "v1");
    ref.put("kind", "Node");
    ref.put("name", n.name());
    ref.put("uid", nodeUid(n.name()));
    ObjectNode spec = o.putObject("spec");
    spec.put("holderIdentity", n.name());
    spec.put("leaseDurationSeconds", 40);
    spec.put("renewTime", Json.microTime(clock.epoch(nodeTransitions.getOrDefault(n.name(), n.creationTime())), 0));
    return o;
  }

  private static ObjectNode resources(io.hns.model.resource.Resources r) {
    ObjectNode o = Json.object();
    o.put("cpu", Quantity.cpu(r.milliCpu()));
    if (r.ephemeralStorage() > 0) {
      o.put("ephemeral-storage", Quantity.kibibytes(r.ephemeralStorage()));
    }
    o.put("memory", r.memory() % 1024 == 0 && Quantity.bytes(r.memory()).matches("\\d+[TPE]i") ? Quantity.bytes(r.memory())
        : Quantity.kibibytes(r.memory()));
    o.put("pods", Quantity.count(r.pods()));
    r.scalars().forEach((k, v) -> o.put(k, Long.toString(v)));
    return o;
  }

  private static void condition(ArrayNode conds, String type, String status, String reason, String message, long epoch) {
    ObjectNode c = conds.addObject();
    c.put("type", type);
    c.put("status", status);
    c.put("lastHeartbeatTime", Json.time(epoch));
    c.put("lastTransitionTime", Json.time(epoch));
    c.put("reason", reason);
    c.put("message", message);
  }

  /** virtual-kubelet reports the IP of the pod it runs in (aci-connector-linux). */
  private String virtualNodeIp() {
    for (Pod p : state.pods()) {
      if (p.namespace().equals("kube-system") && p.name().startsWith("aci-connector-linux") && p.isAssigned()
          && p.phase() == PodPhase.RUNNING) {
        Node host = state.node(p.nodeName());
        if (host != null && host.kind() == NodeKind.VM) {
          return ips.podIp(p.key(), host, false);
        }
      }
    }
    return null;
  }

  // ---- pods --------------------------------------------------------------------------------

  ObjectNode renderPod(Pod p) {
    ObjectNode o = Json.object();
    o.put("apiVersion", "v1");
    o.put("kind", "Pod");
    ObjectNode m = o.putObject("metadata");
    m.put("name", p.name());
    OwnerRef owner = p.owner();
    if (owner != null) {
      m.put("generateName", owner.name() + "-");
    }
    m.put("namespace", p.namespace());
    m.put("uid", p.uid());
    m.put("creationTimestamp", Json.time(clock.epoch(p.creationTime())));
    ObjectNode spec = podSpec(p);
    if (p.isDeleting()) {
      long grace = spec.path("terminationGracePeriodSeconds").asLong(30);
      m.put("deletionTimestamp", Json.time(clock.epoch(p.deletionTime() + grace * 1000)));
      m.put("deletionGracePeriodSeconds", grace);
    }
    if (!p.labels().isEmpty()) {
      m.set("labels", Json.labels(p.labels().asMap()));
    }
    if (!p.annotations().isEmpty()) {
      m.set("annotations", Json.labels(p.annotations().asMap()));
    }
    if (owner != null) {
      ObjectNode ref = m.putArray("ownerReferences").addObject();
      ref.put("apiVersion", Set.of("ReplicaSet", "DaemonSet", "StatefulSet", "Deployment").contains(owner.kind())
          ? "apps/v1" : "v1");
      ref.put("kind", owner.kind());
      ref.put("name", owner.name());
      ref.put("uid", owner.uid());
      ref.put("controller", true);
      ref.put("blockOwnerDeletion", true);
    }
    if (p.isAssigned()) {
      spec.put("nodeName", p.nodeName());
    }
    o.set("spec", spec);
    o.set("status", podStatus(p, spec));
    return o;
  }

  /** The pod's full spec: what the client or the scenario wrote, with the API's defaults. */
  private ObjectNode podSpec(Pod p) {
    ObjectNode raw = clientPodSpecs.get(p.key());
    if (raw == null && p.owner() != null && p.owner().kind().equals("ReplicaSet")) {
      ObjectNode t = templates.get(p.namespace() + "/" + p.owner().name());
      if (t != null && t.path("spec").isObject()) {
        raw = (ObjectNode) t.get("spec");
      }
    }
    if (raw == null) {
      raw = systemSpecs.specOf(p);
    }
    ObjectNode spec = raw == null ? reconstruct(p.spec()) : raw.deepCopy();
    spec.remove("nodeName");
    podDefaults(spec, true);
    return spec;
  }

  /** The API server's defaults for a pod spec (and its admission plugins' tolerations for pods). */
  static void podDefaults(ObjectNode spec, boolean pod) {
    JsonNode containers = spec.path("containers");
    for (JsonNode c : containers) {
      if (c instanceof ObjectNode co) {
        String image = co.path("image").asText("");
        String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/')
            ? image.substring(image.lastIndexOf(':') + 1) : "latest";
        if (!co.has("imagePullPolicy")) co.put("imagePullPolicy", tag.equals("latest") ? "Always" : "IfNotPresent");
        if (!co.has("resources")) co.putObject("resources");
        if (!co.has("terminationMessagePath")) co.put("terminationMessagePath", "/dev/termination-log");
        if (!co.has("terminationMessagePolicy")) co.put("terminationMessagePolicy", "File");
        for (JsonNode port : co.path("ports")) {
          if (port instanceof ObjectNode po && !po.has("protocol")) po.put("protocol", "TCP");
        }
      }
    }
    putIfAbsent(spec, "restartPolicy", "Always");
    if (!spec.has("terminationGracePeriodSeconds")) spec.put("terminationGracePeriodSeconds", 30);
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    if (!spec.has("securityContext")) spec.putObject("securityContext");
    if (pod) {
      putIfAbsent(spec, "serviceAccountName", "default");
      putIfAbsent(spec, "serviceAccount", spec.path("serviceAccountName").asText());
      if (!spec.has("priority")) spec.put("priority", 0);
      if (!spec.has("enableServiceLinks")) spec.put("enableServiceLinks", true);
      putIfAbsent(spec, "preemptionPolicy", "PreemptLowerPriority");
      ArrayNode tolerations = spec.has("tolerations") && spec.get("tolerations").isArray()
          ? (ArrayNode) spec.get("tolerations") : spec.putArray("tolerations");
      for (String key : List.of("node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable")) {
        boolean present = false;
        for (JsonNode t : tolerations) {
          if (key.equals(t.path("key").asText()) && "NoExecute".equals(t.path("effect").asText())) present = true;
        }
        if (!present) {
          ObjectNode t = tolerations.addObject();
          t.put("key", key);
          t.put("operator", "Exists");
          t.put("effect", "NoExecute");
          t.put("tolerationSeconds", 300);
        }
      }
    }
  }

  private static void putIfAbsent(ObjectNode o, String field, String value) {
    if (!o.has(field) || o.get(field).isNull()) {
      o.put(field, value);
    }
  }

  /** A spec rebuilt from the model when nobody wrote one down (containers, requests, placement). */
  static ObjectNode reconstruct(PodSpec s) {
    ObjectNode spec = Json.object();
    ArrayNode containers = spec.putArray("containers");
    for (ContainerRequest c : s.containers()) {
      ObjectNode co = containers.addObject();
      co.put("name", c.name());
      co.put("image", c.image() == null ? "" : c.image());
      ObjectNode req = Json.object();
      if (c.hasCpuRequest()) req.put("cpu", Quantity.cpu(c.milliCpu()));
      if (c.hasMemoryRequest()) req.put("memory", Quantity.bytes(c.memory()));
      ObjectNode res = co.putObject("resources");
      if (!req.isEmpty()) res.set("requests", req);
    }
    if (!s.nodeSelector().isEmpty()) {
      spec.set("nodeSelector", Json.labels(s.nodeSelector()));
    }
    if (!s.tolerations().isEmpty()) {
      ArrayNode ts = spec.putArray("tolerations");
      for (Toleration t : s.tolerations()) {
        ObjectNode to = ts.addObject();
        if (!t.key().isEmpty()) to.put("key", t.key());
        to.put("operator", t.operator() == Toleration.Operator.EXISTS ? "Exists" : "Equal");
        if (!t.value().isEmpty()) to.put("value", t.value());
        if (t.effect() != null) to.put("effect", t.effect().wireName());
      }
    }
    if (s.priority() != 0) spec.put("priority", s.priority());
    spec.put("schedulerName", s.schedulerName());
    spec.put("restartPolicy", s.restartPolicy());
    spec.put("terminationGracePeriodSeconds", s.terminationGracePeriodSeconds());
    return spec;
  }

  private ObjectNode podStatus(Pod p, ObjectNode spec) {
    ObjectNode s = Json.object();
    s.put("phase", p.phase().wireName());
    ArrayNode conds = s.putArray("conditions");
    Node node = p.isAssigned() ? state.node(p.nodeName()) : null;
    boolean running = p.phase() == PodPhase.RUNNING;
    List<String> names = new ArrayList<>();
    for (JsonNode c : spec.path("containers")) {
      names.add(c.path("name").asText());
    }
    if (!p.isAssigned()) {
      if (p.unschedulable()) {
        ObjectNode c = conds.addObject();
        c.put("type", "PodScheduled");
        c.put("status", "False");
        c.putNull("lastProbeTime");
        c.put("lastTransitionTime", Json.time(clock.epoch(p.creationTime())));
        c.put("reason", "Unschedulable");
        c.put("message", schedulingFailures.getOrDefault(p.key(), "0/0 nodes are available"));
      }
    } else {
      long bound = clock.epoch(bindTimes.getOrDefault(p.key(), p.creationTime()));
      podCondition(conds, "Initialized", "True", bound, null, null);
      boolean ready = p.isReady();
      long readyAt = Times.isSet(p.readyTransitionTime()) ? clock.epoch(p.readyTransitionTime()) : bound;
      String notReady = "containers with unready status: [" + String.join(" ", names) + "]";
      podCondition(conds, "Ready", ready ? "True" : "False", readyAt, ready ? null : "ContainersNotReady", ready ? null : notReady);
      podCondition(conds, "ContainersReady", ready ? "True" : "False", readyAt, ready ? null : "ContainersNotReady",
          ready ? null : notReady);
      podCondition(conds, "PodScheduled", "True", bound, null, null);
    }
    if (!p.reason().isEmpty()) {
      s.put("reason", p.reason());
      String msg = providerFailures.get(p.key());
      if (msg != null) s.put("message", msg);
    }
    if (node != null) {
      String hostIp = node.kind() == NodeKind.VIRTUAL ? virtualNodeIp() : ips.nodeIp(node);
      if (hostIp != null) {
        s.put("hostIP", hostIp);
        s.putArray("hostIPs").addObject().put("ip", hostIp);
      }
      if (running) {
        String ip = ips.podIp(p.key(), node, spec.path("hostNetwork").asBoolean(false));
        if (ip != null) {
          s.put("podIP", ip);
          s.putArray("podIPs").addObject().put("ip", ip);
        }
      }
      s.put("startTime", Json.time(clock.epoch(bindTimes.getOrDefault(p.key(), p.creationTime()))));
      if (node.kind() == NodeKind.VIRTUAL && !running) {
        // virtual-kubelet reports container statuses once the provider runs the container group
        s.put("qosClass", qosClass(spec));
        return s;
      }
      ArrayNode statuses = s.putArray("containerStatuses");
      for (JsonNode c : spec.path("containers")) {
        String name = c.path("name").asText();
        String image = c.path("image").asText();
        ObjectNode cs = statuses.addObject();
        cs.put("name", name);
        ObjectNode st = cs.putObject("state");
        if (running) {
          st.putObject("running").put("startedAt", Json.time(clock.epoch(p.startTime())));
        } else {
          ObjectNode w = st.putObject("waiting");
          w.put("reason", "ContainerCreating");
        }
        cs.putObject("lastState");
        cs.put("ready", running && p.isReady());
        cs.put("restartCount", p.restartCount());
        cs.put("image", image);
        cs.put("imageID", running ? imageId(image) : "");
        if (running) {
          String hash = Hashing.sha256().hashString(p.uid() + "/" + name, StandardCharsets.UTF_8).toString();
          cs.put("containerID", (node.kind() == NodeKind.VIRTUAL ? "aci://" : "containerd://") + hash);
        }
        cs.put("started", running);
      }
    }
    s.put("qosClass", qosClass(spec));
    return s;
  }

  private static void podCondition(ArrayNode conds, String type, String status, long epoch, String reason, String message) {
    ObjectNode c = conds.addObject();
    c.put("type", type);
    c.put("status", status);
    c.putNull("lastProbeTime");
    c.put("lastTransitionTime", Json.time(epoch));
    if (reason != null) c.put("reason", reason);
    if (message != null) c.put("message", message);
  }

  private static String imageId(String image) {
    String repo = image.contains("@") ? image.substring(0, image.indexOf('@'))
        : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(0, image.lastIndexOf(':')) : image;
    if (!repo.contains("/")) repo = "docker.io/library/" + repo;
    return repo + "@sha256:" + Hashing.sha256().hashString(image, StandardCharsets.UTF_8);
  }

  /** Guaranteed when every container's requests equal its limits, BestEffort when none sets any. */
  static String qosClass(ObjectNode spec) {
    boolean any = false;
    boolean guaranteed = true;
    for (JsonNode c : spec.path("containers")) {
      JsonNode req = c.path("resources").path("requests");
      JsonNode lim = c.path("resources").path("limits");
      if (req.size() > 0 || lim.size() > 0) any = true;
      for (String r : List.of("cpu", "memory")) {
        JsonNode l = lim.get(r);
        JsonNode q = req.get(r);
        if (l == null || (q != null && !q.asText().equals(l.asText()))) guaranteed = false;
      }
    }
    return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
  }

  // ---- workloads ---------------------------------------------------------------------------

  private record Counts(int active, int ready) {}

  private void syncWorkloads() {
    Map<String, int[]> byOwner = new HashMap<>();
    for (Pod p : state.pods()) {
      if (p.owner() != null && p.isActive()) {
        int[] c = byOwner.computeIfAbsent(p.owner().uid(), u -> new int[2]);
        c[0]++;
        if (p.isReady()) c[1]++;
      }
    }
    Set<String> live = new java.util.HashSet<>();
    for (Workload rs : state.replicaSets()) {
      String key = rs.namespace() + "/" + rs.name();
      live.add(key);
      int[] c = byOwner.getOrDefault(rs.uid(), new int[2]);
      store.putIfChanged(REPLICASETS, renderReplicaSet(rs, new Counts(c[0], c[1])));
    }
    for (String key : store.keys(REPLICASETS)) {
      if (!live.contains(key)) {
        int slash = key.indexOf('/');
        store.remove(REPLICASETS, key.substring(0, slash), key.substring(slash + 1));
        rsCreated.remove(key);
        rsRevision.remove(key);
        rsGeneration.remove(key);
        templates.remove(key);
      }
    }
    for (Workload d : state.deployments()) {
      ObjectNode stored = store.get(DEPLOYMENTS, d.namespace(), d.name());
      if (stored != null) {
        store.putIfChanged(DEPLOYMENTS, deploymentWithStatus(stored, d, byOwner));
      }
    }
  }

  private ObjectNode renderReplicaSet(Workload rs, Counts c) {
    String key = rs.namespace() + "/" + rs.name();
    int[] gen = rsGeneration.computeIfAbsent(key, k -> new int[] {rs.replicas(), 1});
    if (gen[0] != rs.replicas()) {
      gen[0] = rs.replicas();
      gen[1]++;
    }
    ObjectNode o = Json.object();
    o.put("apiVersion", "apps/v1");
    o.put("kind", "ReplicaSet");
    ObjectNode m = o.putObject("metadata");
    m.put("name", rs.name());
    m.put("namespace", rs.namespace());
    m.put("uid", rs.uid());
    m.put("generation", gen[1]);
    m.put("creationTimestamp", Json.time(clock.epoch(rsCreated.getOrDefault(key, 0L))));
    if (!rs.templateLabels().isEmpty()) {
      m.set("labels", Json.labels(rs.templateLabels().asMap()));
    }
    ObjectNode template = templates.get(key);
    if (rs.owner() != null) {
      Workload d = state.deployment(rs.namespace(), rs.owner().name());
      ObjectNode ann = m.putObject("annotations");
      int desired = d == null ? rs.replicas() : d.replicas();
      ann.put("deployment.kubernetes.io/desired-replicas", Integer.toString(desired));
      ann.put("deployment.kubernetes.io/max-replicas", Integer.toString(desired + (desired + 3) / 4));
      ann.put(REVISION, Integer.toString(rsRevision.getOrDefault(key, 1)));
      ObjectNode ref = m.putArray("ownerReferences").addObject();
      ref.put("apiVersion", "apps/v1");
      ref.put("kind", rs.owner().kind());
      ref.put("name", rs.owner().name());
      ref.put("uid", rs.owner().uid());
      ref.put("controller", true);
      ref.put("blockOwnerDeletion", true);
    }
    ObjectNode spec = o.putObject("spec");
    spec.put("replicas", rs.replicas());
    spec.set("selector", selector(rs.selector()));
    if (template == null) {
      template = Json.object();
      template.putObject("metadata").set("labels", Json.labels(rs.templateLabels().asMap()));
      ObjectNode ts = reconstruct(rs.template());
      podDefaults(ts, false);
      template.set("spec", ts);
    }
    spec.set("template", template.deepCopy());
    ObjectNode status = o.putObject("status");
    status.put("replicas", c.active());
    if (c.active() > 0) status.put("fullyLabeledReplicas", c.active());
    if (c.ready() > 0) {
      status.put("readyReplicas", c.ready());
      status.put("availableReplicas", c.ready());
    }
    status.put("observedGeneration", gen[1]);
    return o;
  }

  static ObjectNode selector(LabelSelector s) {
    ObjectNode o = Json.object();
    if (!s.matchLabels().isEmpty()) {
      o.set("matchLabels", Json.labels(s.matchLabels()));
    }
    if (!s.expressions().isEmpty()) {
      ArrayNode exprs = o.putArray("matchExpressions");
      for (LabelRequirement r : s.expressions()) {
        ObjectNode e = exprs.addObject();
        e.put("key", r.key());
        e.put("operator", r.operator().wireName());
        if (!r.values().isEmpty()) {
          ArrayNode v = e.putArray("values");
          r.values().forEach(v::add);
        }
      }
    }
    return o;
  }

  /** The selector as a string, for the scale subresource and HPAs ({@code app=nginx-vn}). */
  static String selectorString(LabelSelector s) {
    List<String> parts = new ArrayList<>();
    s.matchLabels().forEach((k, v) -> parts.add(k + "=" + v));
    for (LabelRequirement r : s.expressions()) {
      switch (r.operator()) {
        case IN -> parts.add(r.key() + " in (" + String.join(",", r.values()) + ")");
        case NOT_IN -> parts.add(r.key() + " notin (" + String.join(",", r.values()) + ")");
        case EXISTS -> parts.add(r.key());
        case DOES_NOT_EXIST -> parts.add("!" + r.key());
        default -> parts.add(r.toString());
      }
    }
    return String.join(",", parts);
  }

  String currentReplicaSetName(Workload d) {
    return d.name() + "-" + NameGenerator.templateHash(d.template().toString() + d.templateLabels());
  }

  private ObjectNode deploymentWithStatus(ObjectNode stored, Workload d, Map<String, int[]> byOwner) {
    ObjectNode o = stored.deepCopy();
    String current = currentReplicaSetName(d);
    int total = 0;
    int ready = 0;
    int updated = 0;
    int specTotal = 0;
    for (Workload rs : state.replicaSets()) {
      if (rs.owner() == null || !rs.owner().uid().equals(d.uid())) continue;
      int[] c = byOwner.getOrDefault(rs.uid(), new int[2]);
      total += c[0];
      ready += c[1];
      specTotal += rs.replicas();
      if (rs.name().equals(current)) {
        updated = c[0];
        Integer rev = rsRevision.get(rs.namespace() + "/" + rs.name());
        if (rev != null) {
          Json.with(Json.meta(o), "annotations").put(REVISION, rev.toString());
        }
      }
    }
    long generation = o.path("metadata").path("generation").asLong(1);
    ObjectNode status = Json.object();
    status.put("observedGeneration", generation);
    if (total > 0) status.put("replicas", total);
    if (updated > 0) status.put("updatedReplicas", updated);
    if (ready > 0) {
      status.put("readyReplicas", ready);
      status.put("availableReplicas", ready);
    }
    int unavailable = Math.max(0, specTotal - ready);
    if (unavailable > 0) status.put("unavailableReplicas", unavailable);
    int maxUnavailable = maxUnavailable(o, d.replicas());
    boolean available = ready >= d.replicas() - maxUnavailable;
    JsonNode previous = stored.path("status").path("conditions");
    long now = clock.epoch(state.now());
    ArrayNode conds = status.putArray("conditions");
    deploymentCondition(conds, previous, "Available", available ? "True" : "False",
        available ? "MinimumReplicasAvailable" : "MinimumReplicasUnavailable",
        available ? "Deployment has minimum availability." : "Deployment does not have minimum availability.", now);
    boolean complete = updated == d.replicas() && total == d.replicas() && ready == d.replicas();
    deploymentCondition(conds, previous, "Progressing", "True", complete ? "NewReplicaSetAvailable" : "ReplicaSetUpdated",
        "ReplicaSet \"" + current + "\" " + (complete ? "has successfully progressed." : "is progressing."), now);
    o.set("status", status);
    return o;
  }

  private static int maxUnavailable(ObjectNode deployment, int replicas) {
    JsonNode v = deployment.path("spec").path("strategy").path("rollingUpdate").path("maxUnavailable");
    if (v.isInt()) return v.asInt();
    String s = v.asText("25%");
    if (s.endsWith("%")) {
      try {
        return (int) Math.floor(replicas * Integer.parseInt(s.substring(0, s.length() - 1)) / 100.0);
      } catch (NumberFormatException e) {
        return replicas / 4;
      }
    }
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return replicas / 4;
    }
  }

  private static void deploymentCondition(ArrayNode conds, JsonNode previous, String type, String status, String reason,
      String message, long now) {
    String transition = Json.time(now);
    String update = Json.time(now);
    for (JsonNode p : previous) {
      if (type.equals(p.path("type").asText())) {
        if (status.equals(p.path("status").asText())) {
          transition = p.path("lastTransitionTime").asText(transition);
          if (reason.equals(p.path("reason").asText()) && message.equals(p.path("message").asText())) {
            update = p.path("lastUpdateTime").asText(update);
          }
        }
      }
    }
    ObjectNode c = conds.addObject();
    c.put("type", type);
    c.put("status", status);
    c.put("lastUpdateTime", update);
    c.put("lastTransitionTime", transition);
    c.put("reason", reason);
    c.put("message", message);
  }

  // ---- HPAs --------------------------------------------------------------------------------

  private void syncHpas() {
    for (ObjectNode stored : store.list(HPAS, "")) {
      store.putIfChanged(HPAS, hpaWithStatus(stored));
    }
  }

  private ObjectNode hpaWithStatus(ObjectNode stored) {
    ObjectNode o = stored.deepCopy();
    String ns = Json.namespace(o);
    String target = Json.str(o, "spec", "scaleTargetRef", "name");
    Workload d = state.deployment(ns, target);
    ObjectNode status = Json.object();
    Long scaled = hpaLastScale.get(ns + "/" + Json.name(o));
    if (scaled != null) status.put("lastScaleTime", Json.time(clock.epoch(scaled)));
    ArrayNode conds = Json.array();
    long now = clock.epoch(state.now());
    if (d == null) {
      status.put("currentReplicas", 0);
      status.put("desiredReplicas", 0);
      hpaCondition(conds, stored, "AbleToScale", "False", "FailedGetScale",
          "the HPA controller was unable to get the target's current scale: deployments.apps \"" + target + "\" not found", now);
      status.set("conditions", conds);
      o.set("status", status);
      return o;
    }
    List<Pod> pods = new ArrayList<>();
    for (Pod p : state.pods()) {
      if (p.namespace().equals(ns) && p.isActive() && d.selector().matches(p.labels())) {
        pods.add(p);
      }
    }
    status.put("currentReplicas", pods.size());
    status.put("desiredReplicas", d.replicas());
    List<PodUsage> samples = aks.metrics().samples(pods);
    long usage = 0;
    long requested = 0;
    for (PodUsage u : samples) {
      Pod p = state.pod(u.key());
      if (p == null || u.milliCpu() < 0) continue;
      usage += u.milliCpu();
      requested += p.spec().requests().milliCpu();
    }
    boolean cpuMetric = false;
    for (JsonNode metric : o.path("spec").path("metrics")) {
      if ("Resource".equals(metric.path("type").asText()) && "cpu".equals(metric.path("resource").path("name").asText())) {
        cpuMetric = true;
      }
    }
    boolean haveMetrics = !samples.isEmpty() && requested > 0;
    if (cpuMetric && haveMetrics) {
      ObjectNode m = status.putArray("currentMetrics").addObject();
      m.put("type", "Resource");
      ObjectNode r = m.putObject("resource");
      r.put("name", "cpu");
      ObjectNode cur = r.putObject("current");
      cur.put("averageUtilization", (int) Math.round(usage * 100.0 / requested));
      cur.put("averageValue", Quantity.cpu(usage / samples.size()));
    }
    hpaCondition(conds, stored, "AbleToScale", "True", "ReadyForNewScale",
        "recommended size matches current size", now);
    if (haveMetrics || !cpuMetric) {
      hpaCondition(conds, stored, "ScalingActive", "True", "ValidMetricFound",
          "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)", now);
    } else {
      hpaCondition(conds, stored, "ScalingActive", "False", "FailedGetResourceMetric",
          "the HPA was unable to compute the replica count: did not receive metrics for targeted pods (pods might be unready)", now);
    }
    hpaCondition(conds, stored, "ScalingLimited", "False", "DesiredWithinRange",
        "the desired count is within the acceptable range", now);
    status.set("conditions", conds);
    o.set("status", status);
    return o;
  }

  private static void hpaCondition(ArrayNode conds, ObjectNode stored, String type, String status, String reason,
      String message, long now) {
    String transition = Json.time(now);
    for (JsonNode p : stored.path("status").path("conditions")) {
      if (type.equals(p.path("type").asText()) && status.equals(p.path("status").asText())) {
        transition = p.path("lastTransitionTime").asText(transition);
      }
    }
    ObjectNode c = conds.addObject();
    c.put("type", type);
    c.put("status", status);
    c.put("lastTransitionTime", transition);
    c.put("reason", reason);
    c.put("message", message);
  }

  // ---- namespaces --------------------------------------------------------------------------

  private void syncNamespaces() {
    for (ObjectNode ns : store.list(NAMESPACES, "")) {
      if (!"Terminating".equals(Json.str(ns, "status", "phase"))) {
        continue;
      }
      String name = Json.name(ns);
      boolean empty = true;
      for (Pod p : state.pods()) {
        if (p.namespace().equals(name)) {
          empty = false;
          break;
        }
      }
      if (empty) {
        store.remove(NAMESPACES, "", name);
      }
    }
  }

  // ---- metrics API -------------------------------------------------------------------------

  /** PodMetrics of the pods with a metrics-server sample, in one namespace (empty: all). */
  List<ObjectNode> podMetrics(String namespace) {
    List<Pod> pods = new ArrayList<>();
    for (Pod p : state.pods()) {
      if (namespace.isEmpty() || p.namespace().equals(namespace)) {
        pods.add(p);
      }
    }
    List<ObjectNode> out = new ArrayList<>();
    for (PodUsage u : aks.metrics().samples(pods)) {
      Pod p = state.pod(u.key());
      if (p == null) continue;
      out.add(podMetric(p, u));
    }
    out.sort((a, b) -> (Json.namespace(a) + "/" + Json.name(a)).compareTo(Json.namespace(b) + "/" + Json.name(b)));
    return out;
  }

  private ObjectNode podMetric(Pod p, PodUsage u) {
    ObjectNode o = Json.object();
    o.put("kind", "PodMetrics");
    o.put("apiVersion", "metrics.k8s.io/v1beta1");
    ObjectNode m = o.putObject("metadata");
    m.put("name", p.name());
    m.put("namespace", p.namespace());
    m.put("creationTimestamp", Json.time(clock.wallNow()));
    if (!p.labels().isEmpty()) m.set("labels", Json.labels(p.labels().asMap()));
    o.put("timestamp", Json.time(clock.epoch(u.timestamp())));
    o.put("window", (u.windowMs() / 1000) + "s");
    ArrayNode containers = o.putArray("containers");
    List<ContainerRequest> cs = p.spec().containers();
    long cpuReq = 0;
    long memReq = 0;
    for (ContainerRequest c : cs) {
      cpuReq += Math.max(0, c.milliCpu());
      memReq += Math.max(0, c.memory());
    }
    for (int i = 0; i < Math.max(1, cs.size()); i++) {
      ContainerRequest c = cs.isEmpty() ? null : cs.get(i);
      double cpuShare = c == null ? 1 : cpuReq > 0 ? Math.max(0, c.milliCpu()) / (double) cpuReq : 1.0 / cs.size();
      double memShare = c == null ? 1 : memReq > 0 ? Math.max(0, c.memory()) / (double) memReq : 1.0 / cs.size();
      ObjectNode co = containers.addObject();
      co.put("name", c == null ? p.name() : c.name());
      ObjectNode usage = co.putObject("usage");
      usage.put("cpu", Quantity.nanoCpu(Math.round(Math.max(0, u.milliCpu()) * cpuShare)));
      usage.put("memory", Quantity.kibibytes(Math.round(Math.max(0, u.memory()) * memShare)));
    }
    return o;
  }

  /** NodeMetrics: the node's pods' usage plus the system's own on VM nodes (assumed 100m, 1 GiB). */
  List<ObjectNode> nodeMetrics() {
    Map<String, long[]> byNode = new HashMap<>();
    for (PodUsage u : aks.metrics().samples(new ArrayList<>(state.pods()))) {
      Pod p = state.pod(u.key());
      if (p == null || !p.isAssigned()) continue;
      long[] t = byNode.computeIfAbsent(p.nodeName(), n -> new long[2]);
      t[0] += Math.max(0, u.milliCpu());
      t[1] += Math.max(0, u.memory());
    }
    long stamp = state.now() - state.now() % EmulatedAks.METRICS_RESOLUTION_MS;
    List<ObjectNode> out = new ArrayList<>();
    for (String name : new TreeSet<>(state.nodes().stream().map(Node::name).toList())) {
      Node n = state.node(name);
      if (!n.ready()) continue;
      long[] t = byNode.getOrDefault(name, new long[2]);
      boolean vm = n.kind() == NodeKind.VM;
      ObjectNode o = Json.object();
      o.put("kind", "NodeMetrics");
      o.put("apiVersion", "metrics.k8s.io/v1beta1");
      ObjectNode m = o.putObject("metadata");
      m.put("name", name);
      m.put("creationTimestamp", Json.time(clock.wallNow()));
      m.set("labels", Json.labels(n.labels().asMap()));
      o.put("timestamp", Json.time(clock.epoch(stamp)));
      o.put("window", (EmulatedAks.METRICS_RESOLUTION_MS / 1000) + "s");
      ObjectNode usage = o.putObject("usage");
      usage.put("cpu", Quantity.nanoCpu(t[0] + (vm ? 100 : 0)));
      usage.put("memory", Quantity.kibibytes(t[1] + (vm ? 1L << 30 : 0)));
      out.add(o);
    }
    return out;
  }

  /** For tests and status: pods waiting to be rendered. */
  boolean idle() {
    return dirtyPods.isEmpty() && dirtyNodes.isEmpty() && pendingEvents.isEmpty() && !workloadsDirty;
  }
}
