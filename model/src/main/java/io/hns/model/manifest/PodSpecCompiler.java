package io.hns.model.manifest;

import static io.hns.model.manifest.SelectorCompiler.nullToEmpty;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.NodeSelectorTerm;
import io.hns.model.cluster.PodAffinityTerm;
import io.hns.model.cluster.PodSpec;
import io.hns.model.cluster.PreferredTerm;
import io.hns.model.cluster.TaintEffect;
import io.hns.model.cluster.Toleration;
import io.hns.model.cluster.TopologySpreadConstraint;
import io.hns.model.resource.Resources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compiles a fabric8 PodSpec into the model's {@link PodSpec}. */
public final class PodSpecCompiler {
  /** DefaultMilliCPURequest and DefaultMemoryRequest of pkg/scheduler/util/pod_resources.go. */
  public static final long DEFAULT_MILLI_CPU_REQUEST = 100;
  public static final long DEFAULT_MEMORY_REQUEST = 200L * 1024 * 1024;

  private PodSpecCompiler() {}

  /**
   * @param where the prefix for messages, e.g. {@code "deploy.yaml:1 (Deployment web): spec.template.spec"}
   */
  public static PodSpec compile(io.fabric8.kubernetes.api.model.PodSpec s, String where) {
    if (s == null) {
      throw new ManifestException(where + ": missing pod spec");
    }
    if (s.getContainers() == null || s.getContainers().isEmpty()) {
      throw new ManifestException(where + ".containers: a pod needs at least one container");
    }
    PodSpec.Builder b = PodSpec.builder();
    ImmutableList.Builder<ContainerRequest> containers = ImmutableList.builder();
    Resources regular = Resources.ZERO;
    Resources regularNz = Resources.ZERO;
    for (int i = 0; i < s.getContainers().size(); i++) {
      Container c = s.getContainers().get(i);
      Map<String, Quantity> req = effectiveRequests(c.getResources());
      Resources r = ResourceLists.compile(req, where, "containers[" + i + "].resources.requests");
      regular = regular.plus(r);
      regularNz = regularNz.plus(nonZero(r, req));
      containers.add(new ContainerRequest(c.getName(), c.getImage(),
          ResourceLists.has(req, "cpu") ? r.milliCpu() : -1,
          ResourceLists.has(req, "memory") ? r.memory() : -1));
    }
    // resourcehelper.PodRequests: sidecars (init containers with restartPolicy Always) run beside
    // the regular containers; each classic init container runs alone with the sidecars before it.
    Resources sidecars = Resources.ZERO;
    Resources sidecarsNz = Resources.ZERO;
    Resources initMax = Resources.ZERO;
    Resources initMaxNz = Resources.ZERO;
    List<Container> inits = nullToEmpty(s.getInitContainers());
    for (int i = 0; i < inits.size(); i++) {
      Container c = inits.get(i);
      Map<String, Quantity> req = effectiveRequests(c.getResources());
      Resources r = ResourceLists.compile(req, where, "initContainers[" + i + "].resources.requests");
      Resources nz = nonZero(r, req);
      if ("Always".equals(c.getRestartPolicy())) {
        regular = regular.plus(r);
        regularNz = regularNz.plus(nz);
        sidecars = sidecars.plus(r);
        sidecarsNz = sidecarsNz.plus(nz);
        initMax = initMax.max(sidecars);
        initMaxNz = initMaxNz.max(sidecarsNz);
      } else {
        initMax = initMax.max(r.plus(sidecars));
        initMaxNz = initMaxNz.max(nz.plus(sidecarsNz));
      }
    }
    Resources overhead = ResourceLists.compile(s.getOverhead(), where, "overhead");
    b.requests = regular.max(initMax).plus(overhead);
    b.nonZeroRequests = regularNz.max(initMaxNz).plus(overhead);
    b.containers = containers.build();
    b.nodeSelector = s.getNodeSelector() == null ? ImmutableMap.of() : ImmutableMap.copyOf(s.getNodeSelector());
    compileAffinity(s, b, where);
    compileTolerations(s, b, where);
    compileSpread(s, b, where);
    b.priority = s.getPriority() == null ? 0 : s.getPriority();
    b.nodeName = s.getNodeName();
    b.schedulerName = s.getSchedulerName();
    b.restartPolicy = s.getRestartPolicy();
    b.terminationGracePeriodSeconds =
        s.getTerminationGracePeriodSeconds() == null ? 30 : s.getTerminationGracePeriodSeconds();
    for (Volume v : nullToEmpty(s.getVolumes())) {
      boolean diskEmptyDir = v.getEmptyDir() != null && !"Memory".equals(v.getEmptyDir().getMedium());
      if (v.getHostPath() != null || diskEmptyDir) {
        b.usesLocalStorage = true;
      }
    }
    return b.build();
  }

  /** API defaulting (pkg/apis/core/v1/defaults.go): a limit without a request is also the request. */
  private static Map<String, Quantity> effectiveRequests(ResourceRequirements rr) {
    if (rr == null) {
      return Map.of();
    }
    Map<String, Quantity> out = new HashMap<>();
    if (rr.getLimits() != null) {
      out.putAll(rr.getLimits());
    }
    if (rr.getRequests() != null) {
      out.putAll(rr.getRequests());
    }
    return out;
  }

  private static Resources nonZero(Resources r, Map<String, Quantity> req) {
    return new Resources(
        ResourceLists.has(req, "cpu") ? r.milliCpu() : DEFAULT_MILLI_CPU_REQUEST,
        ResourceLists.has(req, "memory") ? r.memory() : DEFAULT_MEMORY_REQUEST,
        r.ephemeralStorage(), 0, r.scalars());
  }

  private static void compileAffinity(io.fabric8.kubernetes.api.model.PodSpec s, PodSpec.Builder b, String where) {
    var affinity = s.getAffinity();
    if (affinity == null) {
      return;
    }
    var na = affinity.getNodeAffinity();
    if (na != null) {
      var required = na.getRequiredDuringSchedulingIgnoredDuringExecution();
      if (required != null) {
        ImmutableList.Builder<NodeSelectorTerm> terms = ImmutableList.builder();
        for (var t : nullToEmpty(required.getNodeSelectorTerms())) {
          terms.add(SelectorCompiler.nodeSelectorTerm(t));
        }
        b.requiredAffinity = terms.build();
      }
      ImmutableList.Builder<PreferredTerm> preferred = ImmutableList.builder();
      for (var p : nullToEmpty(na.getPreferredDuringSchedulingIgnoredDuringExecution())) {
        int weight = p.getWeight() == null ? 0 : p.getWeight();
        if (p.getPreference() != null) {
          preferred.add(new PreferredTerm(weight, SelectorCompiler.nodeSelectorTerm(p.getPreference())));
        }
      }
      b.preferredAffinity = preferred.build();
    }
    String aw = where + ".affinity";
    var pa = affinity.getPodAffinity();
    if (pa != null) {
      b.requiredPodAffinity = required(pa.getRequiredDuringSchedulingIgnoredDuringExecution(), aw + ".podAffinity");
      b.preferredPodAffinity = weighted(pa.getPreferredDuringSchedulingIgnoredDuringExecution(), aw + ".podAffinity");
    }
    var paa = affinity.getPodAntiAffinity();
    if (paa != null) {
      b.requiredPodAntiAffinity = required(paa.getRequiredDuringSchedulingIgnoredDuringExecution(), aw + ".podAntiAffinity");
      b.preferredPodAntiAffinity = weighted(paa.getPreferredDuringSchedulingIgnoredDuringExecution(), aw + ".podAntiAffinity");
    }
  }

  private static ImmutableList<PodAffinityTerm> required(List<io.fabric8.kubernetes.api.model.PodAffinityTerm> terms, String where) {
    ImmutableList.Builder<PodAffinityTerm> out = ImmutableList.builder();
    for (var t : nullToEmpty(terms)) {
      out.add(SelectorCompiler.podAffinityTerm(t, 0, where));
    }
    return out.build();
  }

  private static ImmutableList<PodAffinityTerm> weighted(
      List<io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm> terms, String where) {
    ImmutableList.Builder<PodAffinityTerm> out = ImmutableList.builder();
    for (var t : nullToEmpty(terms)) {
      if (t.getPodAffinityTerm() != null) {
        out.add(SelectorCompiler.podAffinityTerm(t.getPodAffinityTerm(), t.getWeight() == null ? 0 : t.getWeight(), where));
      }
    }
    return out.build();
  }

  private static void compileTolerations(io.fabric8.kubernetes.api.model.PodSpec s, PodSpec.Builder b, String where) {
    ImmutableList.Builder<Toleration> out = ImmutableList.builder();
    List<io.fabric8.kubernetes.api.model.Toleration> list = nullToEmpty(s.getTolerations());
    for (int i = 0; i < list.size(); i++) {
      var t = list.get(i);
      try {
        out.add(new Toleration(t.getKey(), Toleration.Operator.parse(t.getOperator()), t.getValue(),
            TaintEffect.parse(t.getEffect())));
      } catch (IllegalArgumentException e) {
        throw new ManifestException(where + ".tolerations[" + i + "]: " + e.getMessage());
      }
    }
    b.tolerations = out.build();
  }

  private static void compileSpread(io.fabric8.kubernetes.api.model.PodSpec s, PodSpec.Builder b, String where) {
    ImmutableList.Builder<TopologySpreadConstraint> out = ImmutableList.builder();
    var list = nullToEmpty(s.getTopologySpreadConstraints());
    for (int i = 0; i < list.size(); i++) {
      var c = list.get(i);
      String cw = where + ".topologySpreadConstraints[" + i + "]";
      if (c.getMaxSkew() == null || c.getMaxSkew() < 1) {
        throw new ManifestException(cw + ".maxSkew: must be at least 1");
      }
      String when = c.getWhenUnsatisfiable();
      if (!"ScheduleAnyway".equals(when) && !"DoNotSchedule".equals(when)) {
        throw new ManifestException(cw + ".whenUnsatisfiable: must be DoNotSchedule or ScheduleAnyway");
      }
      out.add(new TopologySpreadConstraint(c.getMaxSkew(), c.getTopologyKey(), "ScheduleAnyway".equals(when),
          SelectorCompiler.labelSelector(c.getLabelSelector(), cw + ".labelSelector")));
    }
    b.spreadConstraints = out.build();
  }
}
