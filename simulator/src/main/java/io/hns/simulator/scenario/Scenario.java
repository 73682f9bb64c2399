package io.hns.simulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A scenario file, as written (fields are null where the file is silent; {@link ScenarioDefaults}
 * fills them). Every key is documented in docs/scenario.md.
 */
public record Scenario(
    String name,
    String description,
    Long seed,
    Duration duration,
    Duration timelineStep,
    String policy,
    Map<String, Object> policyParameters,
    SchedulerSpec scheduler,
    ClusterSpec cluster,
    KubeletSpec kubelet,
    List<ManifestRef> manifests,
    List<LoadSpec> load,
    List<ActionSpec> actions) {

  public record SchedulerSpec(String profile) {}

  public record ClusterSpec(
      String region,
      String clusterHash,
      List<NodePoolSpec> nodePools,
      VirtualNodeSpec virtualNode,
      QuotaSpec quotas,
      Boolean armThrottling,
      AutoscalerSpec autoscaler,
      PriceSpec prices) {}

  public record NodePoolSpec(
      String name,
      String vmSize,
      Integer count,
      Integer minCount,
      Integer maxCount,
      Integer maxPods,
      LatencySpec bootLatency,
      String systemPods,
      List<String> zones) {}

  /** A latency distribution: {@code fixed}, or log-normal by {@code median} and {@code p90} with an optional uniform tail. */
  public record LatencySpec(
      Duration fixed, Duration median, Duration p90, Double tailProbability, Duration tailMin, Duration tailMax) {}

  public record VirtualNodeSpec(Boolean enabled, String name, AciSpec aci) {}

  public record AciSpec(
      LatencySpec startLatency,
      Double pullSecondsPerGB,
      Integer containerGroupQuota,
      Integer coreQuota,
      Integer createsPer5Min,
      Integer createsPerHour,
      Integer subnetIps,
      Double maxCpuPerGroup,
      String maxMemoryPerGroup) {}

  public record QuotaSpec(Integer regionalVcpus, Map<String, Integer> familyVcpus) {}

  public record AutoscalerSpec(
      Boolean enabled,
      String expander,
      Duration scanInterval,
      Duration scaleDownUnneededTime,
      Duration scaleDownDelayAfterAdd,
      Double scaleDownUtilizationThreshold,
      Duration maxNodeProvisionTime,
      Map<String, Integer> priorities) {}

  public record PriceSpec(Map<String, Double> vmPerHour, Double aciVcpuPerHour, Double aciGbPerHour) {}

  public record KubeletSpec(Duration readinessDelay, Duration terminationDelay, Map<String, String> images) {}

  /** A manifest: a {@code file} (relative to the scenario) or an inline {@code manifest}. */
  public record ManifestRef(String file, JsonNode manifest) {}

  /**
   * The offered load on one workload: requests per second from a constant {@code rate} or
   * {@code steps}; each Ready pod serves up to {@code podCapacity} requests per second at 100% of its
   * CPU request.
   */
  public record LoadSpec(
      String workload,
      Double podCapacity,
      Double maxUtilization,
      Double rate,
      List<StepSpec> steps,
      DiurnalSpec diurnal,
      TraceSpec trace) {}

  /**
   * A recorded or public trace as the load (docs/traces.md): the file (relative to the scenario),
   * its format and reader options, and the transforms, applied in the order window, gaps, resample,
   * scale, loop; the trace always starts at simulated time 0.
   */
  public record TraceSpec(
      String file,
      String format,
      String timeCol,
      String valueCol,
      String valueKind,
      Duration resolution,
      String weightCol,
      String gaps,
      Duration resample,
      Double scale,
      Double scalePeak,
      Double scaleMean,
      Duration loop) {}

  /** A daily cycle: {@code mean·(1 + amplitude·cos(2π(t − peak)/24h))} requests per second. */
  public record DiurnalSpec(Double mean, Double amplitude, Duration peak) {}

  public record StepSpec(Duration at, Double rate) {}

  /** A scripted action, like kubectl: {@code apply}, {@code delete} or {@code scale} (with {@code replicas}). */
  public record ActionSpec(Duration at, String apply, String delete, String scale, Integer replicas) {}
}
