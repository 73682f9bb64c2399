package io.hns.simulator.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hns.model.autoscaler.AutoscalerConfig;
import io.hns.model.cluster.Pod;
import io.hns.model.cluster.Workload;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.manifest.HpaCompiler;
import io.hns.model.manifest.ManifestException;
import io.hns.model.manifest.ManifestReader;
import io.hns.model.manifest.PodCompiler;
import io.hns.model.manifest.SourcedObject;
import io.hns.model.manifest.WorkloadCompiler;
import io.hns.model.disruption.DisruptionBudget;
import io.hns.model.manifest.DisruptionBudgetCompiler;
import io.hns.model.policy.PolicyCatalog;
import io.hns.model.policy.PolicySpec;
import io.hns.model.resource.InvalidQuantityException;
import io.hns.model.resource.Quantities;
import io.hns.model.scheduler.SchedulerProfile;
import io.hns.simulator.cloud.AciService;
import io.hns.simulator.cloud.DefaultLatencies;
import io.hns.simulator.cloud.FixedLatency;
import io.hns.simulator.cloud.LatencyModel;
import io.hns.simulator.cloud.LogNormalLatency;
import io.hns.simulator.cloud.Prices;
import io.hns.simulator.cloud.TailMixtureLatency;
import io.hns.simulator.cloud.VmSizeCatalog;
import io.hns.simulator.cloud.VmssNodePool;
import io.hns.simulator.kubelet.KubeletConfig;
import io.hns.simulator.load.LoadCurve;
import io.hns.simulator.load.ServiceModel;
import io.hns.simulator.scenario.CompiledScenario.Action;
import io.hns.simulator.scenario.Scenario.LatencySpec;
import io.hns.simulator.scenario.Scenario.NodePoolSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a scenario and fills in the defaults (docs/scenario.md): every impossible value is an
 * error naming the key, for example {@code cluster.nodePools[0].maxCount: 2000 exceeds the AKS pool
 * limit of 1000}.
 */
public final class ScenarioCompiler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ScenarioSource source;
  private final String file;

  private ScenarioCompiler(ScenarioSource source) {
    this.source = source;
    this.file = source.name();
  }

  public static CompiledScenario load(ScenarioSource source) {
    return compile(ScenarioLoader.load(source), source);
  }

  public static CompiledScenario compile(Scenario s, ScenarioSource source) {
    return new ScenarioCompiler(source).compile(s);
  }

  private ScenarioException error(String key, String message) {
    return new ScenarioException(file + ": " + key + ": " + message);
  }

  private CompiledScenario compile(Scenario s) {
    long duration = require(s.duration(), "duration").millis();
    if (duration <= 0) throw error("duration", "must be positive");
    long step = s.timelineStep() == null ? 10_000 : s.timelineStep().millis();
    if (step <= 0) throw error("timelineStep", "must be positive");
    PolicySpec policy;
    try {
      policy = PolicyCatalog.named(s.policy() == null ? "manifest" : s.policy(), s.policyParameters());
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage().startsWith("unknown policy") ? "policy" : "policyParameters", e.getMessage());
    }
    String profile = s.scheduler() == null || s.scheduler().profile() == null ? SchedulerProfile.CURRENT : s.scheduler().profile();
    try {
      SchedulerProfile.named(profile);
    } catch (IllegalArgumentException e) {
      throw error("scheduler.profile", e.getMessage());
    }
    Scenario.ClusterSpec cluster = s.cluster() == null
        ? new Scenario.ClusterSpec(null, null, null, null, null, null, null, null) : s.cluster();
    String region = cluster.region() == null ? "eastus" : cluster.region();
    VmSizeCatalog catalog = VmSizeCatalog.defaults();
    List<VmssNodePool.Config> pools = new ArrayList<>();
    List<Pod> systemPods = new ArrayList<>();
    List<NodePoolSpec> poolSpecs = cluster.nodePools() == null ? List.of() : cluster.nodePools();
    Set<String> poolNames = new HashSet<>();
    for (int i = 0; i < poolSpecs.size(); i++) {
      String key = "cluster.nodePools[" + i + "]";
      NodePoolSpec p = poolSpecs.get(i);
      pools.add(pool(p, key, region, cluster.clusterHash(), catalog));
      if (!poolNames.add(p.name())) throw error(key + ".name", "duplicate pool name \"" + p.name() + "\"");
      if (p.systemPods() != null) {
        systemPods.addAll(systemPods(p.systemPods(), key + ".systemPods"));
      }
    }
    Map<String, Workload> workloads = new LinkedHashMap<>();
    Map<String, HpaSpec> hpas = new LinkedHashMap<>();
    List<DisruptionBudget> budgets = new ArrayList<>();
    List<Scenario.ManifestRef> refs = s.manifests() == null ? List.of() : s.manifests();
    for (int i = 0; i < refs.size(); i++) {
      manifests(refs.get(i), "manifests[" + i + "]", workloads, hpas, budgets);
    }
    return new CompiledScenario(
        s.name() == null ? file : s.name(),
        s.description() == null ? "" : s.description(),
        s.seed() == null ? 1 : s.seed(),
        duration,
        step,
        policy,
        profile,
        pools,
        quota(cluster.quotas(), region),
        Boolean.TRUE.equals(cluster.armThrottling()),
        virtualNode(cluster.virtualNode(), region),
        autoscaler(cluster.autoscaler()),
        prices(cluster.prices(), catalog),
        kubelet(s.kubelet()),
        systemPods,
        workloads,
        hpas,
        budgets,
        loads(s.load(), workloads),
        actions(s.actions(), duration, workloads, hpas));
  }

  private <T> T require(T value, String key) {
    if (value == null) throw error(key, "is required");
    return value;
  }

  private VmssNodePool.Config pool(NodePoolSpec p, String key, String region, String clusterHash, VmSizeCatalog catalog) {
    String name = require(p.name(), key + ".name");
    if (!name.matches("[a-z][a-z0-9]{0,11}")) {
      throw error(key + ".name", "\"" + name + "\" is not an AKS pool name (lowercase letters and digits, at most 12, starting with a letter)");
    }
    String size = p.vmSize() == null ? "Standard_DS2_v2" : p.vmSize();
    if (!catalog.contains(size)) {
      throw error(key + ".vmSize", "unknown VM size \"" + size + "\" (known: "
          + String.join(", ", catalog.all().stream().map(v -> v.name()).toList()) + ")");
    }
    int count = p.count() == null ? 1 : p.count();
    int max = p.maxCount() == null ? Math.max(count, p.minCount() == null ? 0 : p.minCount()) : p.maxCount();
    // An unset minCount follows count, so that a count beyond maxCount is reported as such.
    int min = p.minCount() == null ? Math.min(count, max) : p.minCount();
    if (count < 0) throw error(key + ".count", "must not be negative");
    if (min < 0) throw error(key + ".minCount", "must not be negative");
    if (max > VmssNodePool.MAX_POOL_SIZE) throw error(key + ".maxCount", max + " exceeds the AKS pool limit of " + VmssNodePool.MAX_POOL_SIZE);
    if (min > max) throw error(key + ".minCount", "minCount " + min + " exceeds maxCount " + max);
    if (count < min || count > max) throw error(key + ".count", "count " + count + " is outside [minCount " + min + ", maxCount " + max + "]");
    int maxPods = p.maxPods() == null ? VmssNodePool.MAX_PODS_AZURE_CNI : p.maxPods();
    if (maxPods < VmssNodePool.MIN_MAX_PODS || maxPods > VmssNodePool.MAX_MAX_PODS) {
      throw error(key + ".maxPods", maxPods + " is outside the AKS range [" + VmssNodePool.MIN_MAX_PODS + ", " + VmssNodePool.MAX_MAX_PODS + "]");
    }
    VmssNodePool.Builder b = VmssNodePool.Config.builder(name, catalog.get(size))
        .minSize(min).maxSize(max).initialCount(count).maxPods(maxPods).region(region)
        .bootLatency(p.bootLatency() == null ? DefaultLatencies.vmssNodeBoot() : latency(p.bootLatency(), key + ".bootLatency"));
    if (p.zones() != null && !p.zones().isEmpty()) {
      b.zones(p.zones());
    }
    if (clusterHash != null) {
      if (!clusterHash.matches("\\d{8}")) throw error("cluster.clusterHash", "must be 8 digits, as in aks-agentpool-24758537-vmss000000");
      b.clusterHash(clusterHash);
    }
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  LatencyModel latency(LatencySpec l, String key) {
    if (l.fixed() != null) {
      if (l.median() != null || l.p90() != null) throw error(key, "give either fixed or median/p90, not both");
      return new FixedLatency(l.fixed().millis());
    }
    long median = require(l.median(), key + ".median").millis();
    long p90 = require(l.p90(), key + ".p90").millis();
    if (median <= 0) throw error(key + ".median", "must be positive");
    if (p90 <= median) throw error(key + ".p90", "must exceed the median (" + Durations.format(median) + ")");
    LatencyModel base = LogNormalLatency.fromMedianAndP90(median, p90);
    if (l.tailProbability() == null || l.tailProbability() == 0) {
      return base;
    }
    double prob = l.tailProbability();
    if (prob < 0 || prob > 1) throw error(key + ".tailProbability", "must be within [0, 1]");
    long tmin = require(l.tailMin(), key + ".tailMin").millis();
    long tmax = require(l.tailMax(), key + ".tailMax").millis();
    if (tmax < tmin) throw error(key + ".tailMax", "must not be below tailMin");
    return new TailMixtureLatency(base, prob, tmin, tmax);
  }

  private List<Pod> systemPods(String ref, String key) {
    List<Pod> pods = new ArrayList<>();
    try {
      for (SourcedObject o : ManifestReader.read(ref, source.readRelative(ref))) {
        pods.add(PodCompiler.compile(o));
      }
    } catch (ManifestException e) {
      throw error(key, e.getMessage());
    }
    return pods;
  }

  private void manifests(Scenario.ManifestRef ref, String key, Map<String, Workload> workloads, Map<String, HpaSpec> hpas,
      List<DisruptionBudget> budgets) {
    if ((ref.file() == null) == (ref.manifest() == null)) {
      throw error(key, "give exactly one of file or manifest");
    }
    List<SourcedObject> objects;
    try {
      objects = ref.file() != null
          ? ManifestReader.read(ref.file(), source.readRelative(ref.file()))
          : ManifestReader.read(file + " " + key + ".manifest", JSON.writeValueAsString(ref.manifest()));
    } catch (ManifestException e) {
      throw error(key, e.getMessage());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw error(key + ".manifest", e.getOriginalMessage());
    }
    for (SourcedObject o : objects) {
      try {
        if (WorkloadCompiler.KINDS.contains(o.kind())) {
          Workload w = WorkloadCompiler.compile(o);
          if (workloads.putIfAbsent(w.name(), w) != null) {
            throw error(key, "a second workload named \"" + w.name() + "\"");
          }
        } else if (o.kind().equals(HpaCompiler.KIND)) {
          HpaSpec h = HpaCompiler.compile(o);
          hpas.put(h.name(), h);
        } else if (o.kind().equals(DisruptionBudgetCompiler.KIND)) {
          budgets.add(DisruptionBudgetCompiler.compile(o));
        } else {
          throw error(key, o.where() + ": kind " + o.kind()
              + " is not simulated (Deployment, ReplicaSet, HorizontalPodAutoscaler, PodDisruptionBudget)");
        }
      } catch (ManifestException e) {
        throw error(key, e.getMessage());
      }
    }
  }

  private CompiledScenario.VcpuQuotaSpec quota(Scenario.QuotaSpec q, String region) {
    long regional = q == null || q.regionalVcpus() == null ? Long.MAX_VALUE : q.regionalVcpus();
    if (regional < 0) throw error("cluster.quotas.regionalVcpus", "must not be negative");
    Map<String, Long> families = new LinkedHashMap<>();
    if (q != null && q.familyVcpus() != null) {
      q.familyVcpus().forEach((k, v) -> {
        if (v == null || v < 0) throw error("cluster.quotas.familyVcpus." + k, "must be a non-negative number of vCPUs");
        families.put(k, v.longValue());
      });
    }
    return new CompiledScenario.VcpuQuotaSpec(region, regional, families);
  }

  private CompiledScenario.VirtualNode virtualNode(Scenario.VirtualNodeSpec v, String region) {
    boolean enabled = v == null || v.enabled() == null || v.enabled();
    String name = v == null || v.name() == null ? "virtual-node-aci-linux" : v.name();
    AciService.Builder b = AciService.Config.builder().region(region);
    Scenario.AciSpec a = v == null ? null : v.aci();
    String key = "cluster.virtualNode.aci";
    if (a != null) {
      if (a.startLatency() != null) b.baseStart(latency(a.startLatency(), key + ".startLatency"));
      if (a.pullSecondsPerGB() != null) {
        if (a.pullSecondsPerGB() <= 0) throw error(key + ".pullSecondsPerGB", "must be positive");
        b.pullBytesPerSecond(1e9 / a.pullSecondsPerGB());
      }
      if (a.containerGroupQuota() != null) b.containerGroupLimit(positive(a.containerGroupQuota(), key + ".containerGroupQuota"));
      if (a.coreQuota() != null) b.standardCoresLimit(positive(a.coreQuota(), key + ".coreQuota"));
      if (a.createsPer5Min() != null || a.createsPerHour() != null) {
        b.createRateLimits(a.createsPer5Min() == null ? 100 : positive(a.createsPer5Min(), key + ".createsPer5Min"),
            a.createsPerHour() == null ? 300 : positive(a.createsPerHour(), key + ".createsPerHour"));
      }
      if (a.subnetIps() != null) b.subnetIpCapacity(positive(a.subnetIps(), key + ".subnetIps"));
      if (a.maxCpuPerGroup() != null || a.maxMemoryPerGroup() != null) {
        double cpu = a.maxCpuPerGroup() == null ? 4 : a.maxCpuPerGroup();
        if (cpu <= 0) throw error(key + ".maxCpuPerGroup", "must be positive");
        long mem = a.maxMemoryPerGroup() == null ? 16L << 30 : bytes(a.maxMemoryPerGroup(), key + ".maxMemoryPerGroup");
        b.maxGroupSize(Math.round(cpu * 1000), mem);
      }
    }
    try {
      return new CompiledScenario.VirtualNode(enabled, name, b.build());
    } catch (IllegalArgumentException e) {
      throw error(key, e.getMessage());
    }
  }

  private int positive(int v, String key) {
    if (v <= 0) throw error(key, "must be positive");
    return v;
  }

  private long bytes(String quantity, String key) {
    try {
      return Quantities.value(quantity);
    } catch (InvalidQuantityException e) {
      throw error(key, e.getMessage());
    }
  }

  private CompiledScenario.AutoscalerSettings autoscaler(Scenario.AutoscalerSpec a) {
    AutoscalerConfig c = AutoscalerConfig.aksDefaults();
    if (a == null || !Boolean.TRUE.equals(a.enabled())) {
      return new CompiledScenario.AutoscalerSettings(false, c);
    }
    String key = "cluster.autoscaler";
    if (a.expander() != null) {
      AutoscalerConfig.ExpanderKind kind = switch (a.expander()) {
        case "random" -> AutoscalerConfig.ExpanderKind.RANDOM;
        case "least-waste" -> AutoscalerConfig.ExpanderKind.LEAST_WASTE;
        case "most-pods" -> AutoscalerConfig.ExpanderKind.MOST_PODS;
        case "priority" -> AutoscalerConfig.ExpanderKind.PRIORITY;
        default -> throw error(key + ".expander", "unknown expander \"" + a.expander() + "\" (random, least-waste, most-pods, priority)");
      };
      if (kind == AutoscalerConfig.ExpanderKind.PRIORITY && (a.priorities() == null || a.priorities().isEmpty())) {
        throw error(key + ".priorities", "the priority expander needs priorities (node group regex: priority)");
      }
      c = c.withExpander(kind, a.priorities() == null ? Map.of() : a.priorities());
    }
    c = withDurations(c, a, key);
    return new CompiledScenario.AutoscalerSettings(true, c);
  }

  private AutoscalerConfig withDurations(AutoscalerConfig c, Scenario.AutoscalerSpec a, String key) {
    java.time.Duration scan = a.scanInterval() == null ? c.scanInterval() : java.time.Duration.ofMillis(positiveMs(a.scanInterval(), key + ".scanInterval"));
    java.time.Duration unneeded = a.scaleDownUnneededTime() == null ? c.scaleDownUnneededTime() : java.time.Duration.ofMillis(a.scaleDownUnneededTime().millis());
    java.time.Duration afterAdd = a.scaleDownDelayAfterAdd() == null ? c.scaleDownDelayAfterAdd() : java.time.Duration.ofMillis(a.scaleDownDelayAfterAdd().millis());
    java.time.Duration provision = a.maxNodeProvisionTime() == null ? c.maxNodeProvisionTime() : java.time.Duration.ofMillis(positiveMs(a.maxNodeProvisionTime(), key + ".maxNodeProvisionTime"));
    double threshold = a.scaleDownUtilizationThreshold() == null ? c.scaleDownUtilizationThreshold() : a.scaleDownUtilizationThreshold();
    if (threshold <= 0 || threshold > 1) throw error(key + ".scaleDownUtilizationThreshold", "must be within (0, 1]");
    return new AutoscalerConfig(scan, threshold, unneeded, c.scaleDownUnreadyTime(), afterAdd,
        a.scanInterval() == null ? c.scaleDownDelayAfterDelete() : scan, c.scaleDownDelayAfterFailure(), provision,
        c.expander(), c.expanderPriorities(), c.initialNodeGroupBackoff(), c.maxNodeGroupBackoff(),
        c.nodeGroupBackoffReset(), c.maxEmptyBulkDelete(), c.skipNodesWithSystemPods(), c.skipNodesWithLocalStorage(),
        c.expendablePodsPriorityCutoff(), c.newPodScaleUpDelay(), c.maxNodesTotal(), c.scaleDownEnabled(),
        c.maxGracefulTermination());
  }

  private long positiveMs(Duration d, String key) {
    if (d.millis() <= 0) throw error(key, "must be positive");
    return d.millis();
  }

  private Prices prices(Scenario.PriceSpec p, VmSizeCatalog catalog) {
    Prices prices = Prices.eastUsPayAsYouGo();
    if (p == null) {
      return prices;
    }
    if (p.vmPerHour() != null) {
      for (Map.Entry<String, Double> e : p.vmPerHour().entrySet()) {
        if (!catalog.contains(e.getKey())) throw error("cluster.prices.vmPerHour." + e.getKey(), "unknown VM size");
        if (e.getValue() == null || e.getValue() < 0) throw error("cluster.prices.vmPerHour." + e.getKey(), "must be a non-negative price");
        prices = prices.withVmPrice(e.getKey(), BigDecimal.valueOf(e.getValue()));
      }
    }
    if (p.aciVcpuPerHour() != null || p.aciGbPerHour() != null) {
      BigDecimal cpu = p.aciVcpuPerHour() == null ? prices.aciVcpuPerHour() : BigDecimal.valueOf(p.aciVcpuPerHour());
      BigDecimal gb = p.aciGbPerHour() == null ? prices.aciGbPerHour() : BigDecimal.valueOf(p.aciGbPerHour());
      if (cpu.signum() < 0 || gb.signum() < 0) throw error("cluster.prices", "ACI prices must not be negative");
      prices = prices.withAciPrices(cpu, gb);
    }
    return prices;
  }

  private KubeletConfig kubelet(Scenario.KubeletSpec k) {
    KubeletConfig d = KubeletConfig.defaults();
    if (k == null) {
      return d;
    }
    Map<String, Long> images = new HashMap<>();
    if (k.images() != null) {
      k.images().forEach((name, size) -> images.put(name, bytes(size, "kubelet.images." + name)));
    }
    return new KubeletConfig(d.syncDelayMs(), d.pullBaseMs(), d.pullBytesPerSecond(), d.containerStartMs(),
        k.readinessDelay() == null ? d.readinessDelayMs() : k.readinessDelay().millis(),
        k.terminationDelay() == null ? d.terminationMs() : k.terminationDelay().millis(),
        images, d.defaultImageBytes());
  }

  private List<CompiledScenario.Load> loads(List<Scenario.LoadSpec> specs, Map<String, Workload> workloads) {
    List<CompiledScenario.Load> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; specs != null && i < specs.size(); i++) {
      String key = specs.size() == 1 ? "load" : "load[" + i + "]";
      CompiledScenario.Load l = load(specs.get(i), workloads, key);
      if (!seen.add(l.workload())) throw error(key + ".workload", "a second load on \"" + l.workload() + "\"");
      out.add(l);
    }
    return out;
  }

  private CompiledScenario.Load load(Scenario.LoadSpec l, Map<String, Workload> workloads, String key) {
    String name = require(l.workload(), key + ".workload");
    Workload w = workloads.get(name);
    if (w == null) throw error(key + ".workload", "no workload named \"" + name + "\" in manifests (have: " + String.join(", ", workloads.keySet()) + ")");
    double capacity = require(l.podCapacity(), key + ".podCapacity");
    if (capacity <= 0) throw error(key + ".podCapacity", "must be positive");
    double maxUtil = l.maxUtilization() == null ? 1.0 : l.maxUtilization();
    if (maxUtil <= 0) throw error(key + ".maxUtilization", "must be positive");
    LoadCurve curve;
    int shapes = (l.rate() == null ? 0 : 1) + (l.steps() == null ? 0 : 1) + (l.diurnal() == null ? 0 : 1)
        + (l.trace() == null ? 0 : 1);
    if (shapes != 1) {
      throw error(key, "give exactly one of rate, steps, diurnal or trace");
    }
    if (l.trace() != null) {
      curve = traceCurve(l.trace(), key + ".trace");
    } else if (l.rate() != null) {
      if (l.rate() < 0) throw error(key + ".rate", "must not be negative");
      curve = LoadCurve.constant(l.rate());
    } else if (l.diurnal() != null) {
      double mean = require(l.diurnal().mean(), key + ".diurnal.mean");
      double amp = l.diurnal().amplitude() == null ? 0.5 : l.diurnal().amplitude();
      long peak = l.diurnal().peak() == null ? 14 * 3_600_000L : l.diurnal().peak().millis();
      if (mean < 0) throw error(key + ".diurnal.mean", "must not be negative");
      if (amp < 0 || amp > 1) throw error(key + ".diurnal.amplitude", "must be within [0, 1]");
      curve = LoadCurve.diurnal(mean, amp, peak);
    } else {
      long[] times = new long[l.steps().size()];
      double[] rates = new double[l.steps().size()];
      for (int i = 0; i < times.length; i++) {
        Scenario.StepSpec st = l.steps().get(i);
        times[i] = require(st.at(), key + ".steps[" + i + "].at").millis();
        rates[i] = require(st.rate(), key + ".steps[" + i + "].rate");
        if (rates[i] < 0) throw error(key + ".steps[" + i + "].rate", "must not be negative");
        if (i > 0 && times[i] <= times[i - 1]) throw error(key + ".steps[" + i + "].at", "steps must be in increasing time order");
      }
      curve = LoadCurve.steps(times, rates);
    }
    return new CompiledScenario.Load(w.namespace(), name, curve, new ServiceModel(capacity, maxUtil));
  }

  private LoadCurve traceCurve(Scenario.TraceSpec t, String key) {
    String file = require(t.file(), key + ".file");
    String format = require(t.format(), key + ".format");
    try {
      io.hns.traces.ReaderOptions options = io.hns.traces.ReaderOptions.builder()
          .timeColumn(t.timeCol())
          .valueColumn(t.valueCol())
          .valueKind(t.valueKind() == null ? null : io.hns.traces.ValueKind.named(t.valueKind()))
          .resolutionMs(t.resolution() == null ? null : t.resolution().millis())
          .weightColumns(t.weightCol() == null ? null : List.of(t.weightCol()))
          .build();
      io.hns.traces.TracePipeline pipeline = new io.hns.traces.TracePipeline(null, null,
          t.gaps() == null ? null : io.hns.traces.GapPolicy.valueOf(t.gaps().toUpperCase(java.util.Locale.ROOT)),
          t.resample() == null ? null : t.resample().millis(), t.scale(), t.scalePeak(), t.scaleMean(), 0L, null,
          t.loop() == null ? null : t.loop().millis());
      io.hns.traces.Trace trace = io.hns.traces.Trace.read(io.hns.traces.TraceFormat.named(format),
          source.traceInput(file), options);
      io.hns.traces.RateSeries series = io.hns.traces.RateSeries.of(pipeline.apply(trace));
      return series::rateAt;
    } catch (io.hns.traces.TraceException e) {
      throw error(key, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw error(key + ".gaps", "\"" + t.gaps() + "\" is not a gap policy (zero, hold, interpolate, error)");
    }
  }

  private List<Action> actions(List<Scenario.ActionSpec> specs, long duration, Map<String, Workload> workloads, Map<String, HpaSpec> hpas) {
    List<Action> out = new ArrayList<>();
    if (specs == null) {
      return out;
    }
    for (int i = 0; i < specs.size(); i++) {
      Scenario.ActionSpec a = specs.get(i);
      String key = "actions[" + i + "]";
      long at = require(a.at(), key + ".at").millis();
      if (at < 0 || at > duration) throw error(key + ".at", Durations.format(at) + " is outside the run (0 to " + Durations.format(duration) + ")");
      int given = (a.apply() == null ? 0 : 1) + (a.delete() == null ? 0 : 1) + (a.scale() == null ? 0 : 1);
      if (given != 1) throw error(key, "give exactly one of apply, delete or scale");
      String target = a.apply() != null ? a.apply() : a.delete() != null ? a.delete() : a.scale();
      if (!workloads.containsKey(target) && !hpas.containsKey(target)) {
        throw error(key, "no manifest object named \"" + target + "\" (have: " + String.join(", ", workloads.keySet()) + ")");
      }
      if (a.scale() != null) {
        int replicas = require(a.replicas(), key + ".replicas");
        if (replicas < 0) throw error(key + ".replicas", "must not be negative");
        out.add(new Action(at, Action.Kind.SCALE, target, replicas));
      } else {
        if (a.replicas() != null) throw error(key + ".replicas", "only a scale action takes replicas");
        out.add(new Action(at, a.apply() != null ? Action.Kind.APPLY : Action.Kind.DELETE, target, 0));
      }
    }
    out.sort(java.util.Comparator.comparingLong(Action::at));
    return out;
  }
}
