package io.hns.model.hpa;

import io.hns.model.cluster.ContainerRequest;
import io.hns.model.cluster.Pod;
import io.hns.model.hpa.ReplicaCalculation.Outcome;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * replica_calculator.go for Resource metrics: GetResourceReplicas (Utilization targets) and
 * GetRawResourceReplicas / calcPlainMetricReplicas (AverageValue targets). Pure: the caller passes
 * the pods the target's selector matches, the metrics API's samples for them, and the clock.
 */
public final class ReplicaCalculator {
  private final HpaControllerConfig config;

  public ReplicaCalculator(HpaControllerConfig config) {
    this.config = config;
  }

  /**
   * @param pods the pods in the HPA's namespace that the target's selector matches, in any phase
   * @param samples the metrics API's samples for the same namespace and selector
   * @throws MetricUnavailableException when this metric cannot propose a count
   */
  public ReplicaCalculation calculate(HpaMetric metric, int currentReplicas, List<Pod> pods, List<PodUsage> samples,
      Tolerances tolerances, long now) {
    if (metric instanceof UnsupportedMetric u) {
      throw new MetricUnavailableException(u.type() + ": not supported by the model: " + u.reason());
    }
    ResourceMetric rm = (ResourceMetric) metric;
    MetricResource resource = rm.resource();
    if (samples.isEmpty()) {
      throw new MetricUnavailableException("unable to get metrics for resource " + resource.wireName()
          + ": no metrics returned from resource metrics API");
    }
    if (pods.isEmpty()) {
      throw new MetricUnavailableException("no pods returned by selector while calculating replica count");
    }
    Map<String, PodUsage> byName = new HashMap<>();
    Map<String, Long> values = new LinkedHashMap<>();
    for (PodUsage s : samples) {
      byName.put(s.name(), s);
      if (s.has(resource)) {
        values.put(s.name(), s.milliUsage(resource));
      }
    }
    PodGroups groups = PodGrouper.group(pods, byName, resource, now, config);
    values.keySet().removeAll(groups.ignored());
    values.keySet().removeAll(groups.unready());
    if (values.isEmpty()) {
      throw new MetricUnavailableException("did not receive metrics for targeted pods (pods might be unready)");
    }
    MetricTarget target = rm.target();
    if (target.type() == MetricTarget.Type.UTILIZATION) {
      Map<String, Long> requests = podRequests(pods, resource);
      int percent = target.averageUtilization();
      long fallbackPercent = Math.max(100, percent);
      // A missing pod on a scale-down is assumed to use all its request, or the target when that is higher.
      return decide(rm.describe(), currentReplicas, values, groups, tolerances,
          m -> utilizationRatio(m, requests, percent),
          pod -> requests.get(pod) * fallbackPercent / 100);
    }
    long targetMilli = target.averageMilliValue();
    return decide(rm.describe(), currentReplicas, values, groups, tolerances,
        m -> averageRatio(m, targetMilli),
        pod -> targetMilli);
  }

  /** Ratio of usage to target, and the figure reported as the current utilization. */
  private record Usage(double ratio, long value) {}

  /** The branches shared by GetResourceReplicas and calcPlainMetricReplicas. */
  private static ReplicaCalculation decide(String metric, int current, Map<String, Long> values, PodGroups g,
      Tolerances tolerances, Function<Map<String, Long>, Usage> ratioOf, ToLongFunction<String> scaleDownFill) {
    Usage first = ratioOf.apply(values);
    double ratio = first.ratio();
    boolean scaleUpWithUnready = !g.unready().isEmpty() && ratio > 1.0;
    if (!scaleUpWithUnready && g.missing().isEmpty()) {
      if (tolerances.isWithin(ratio)) {
        return result(metric, current, first, null, g, Outcome.WITHIN_TOLERANCE);
      }
      return result(metric, ceil(ratio * g.readyCount()), first, null, g, Outcome.SCALED);
    }
    // Be conservative about pods without a usable sample: assume they would damp the change.
    for (String pod : g.missing()) {
      if (ratio < 1.0) {
        values.put(pod, scaleDownFill.applyAsLong(pod));
      } else if (ratio > 1.0) {
        values.put(pod, 0L);
      }
    }
    if (scaleUpWithUnready) {
      for (String pod : g.unready()) {
        values.put(pod, 0L);
      }
    }
    double newRatio = ratioOf.apply(values).ratio();
    if (tolerances.isWithin(newRatio)) {
      return result(metric, current, first, newRatio, g, Outcome.REBALANCED_WITHIN_TOLERANCE);
    }
    if ((ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
      return result(metric, current, first, newRatio, g, Outcome.DIRECTION_REVERSED);
    }
    int proposed = ceil(newRatio * values.size());
    if ((newRatio < 1.0 && proposed > current) || (newRatio > 1.0 && proposed < current)) {
      return result(metric, current, first, newRatio, g, Outcome.COUNT_REVERSED);
    }
    return result(metric, proposed, first, newRatio, g, Outcome.REBALANCED);
  }

  private static ReplicaCalculation result(String metric, int replicas, Usage usage, Double newRatio, PodGroups g,
      Outcome outcome) {
    return new ReplicaCalculation(metric, replicas, usage.value(), usage.ratio(), newRatio, g.readyCount(),
        g.unready().size(), g.missing().size(), g.ignored().size(), outcome);
  }

  /**
   * metrics/utilization.go GetResourceUtilizationRatio: only samples of pods with a known request
   * count, and the percentage is truncated to an integer before it is divided by the target.
   */
  private static Usage utilizationRatio(Map<String, Long> values, Map<String, Long> requests, int targetPercent) {
    BigInteger usage = BigInteger.ZERO;
    BigInteger requested = BigInteger.ZERO;
    for (Map.Entry<String, Long> e : values.entrySet()) {
      Long request = requests.get(e.getKey());
      if (request == null) {
        continue; // a sample of a pod the lister does not know
      }
      usage = usage.add(BigInteger.valueOf(e.getValue()));
      requested = requested.add(BigInteger.valueOf(request));
    }
    if (requested.signum() == 0) {
      throw new MetricUnavailableException("no metrics returned matched known pods");
    }
    BigInteger percent = usage.multiply(BigInteger.valueOf(100)).divide(requested);
    // Newer upstream clamps an out-of-range percentage to the int32 rail.
    int utilization = percent.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0 ? Integer.MAX_VALUE : percent.intValue();
    return new Usage((double) utilization / targetPercent, utilization);
  }

  /** metrics/utilization.go GetMetricUsageRatio: the integer mean of the samples over the target. */
  private static Usage averageRatio(Map<String, Long> values, long targetMilli) {
    long total = 0;
    for (long v : values.values()) {
      total = Math.addExact(total, v);
    }
    long average = total / values.size();
    return new Usage((double) average / targetMilli, average);
  }

  /**
   * calculatePodRequestsFromContainers, over every pod the selector matches (ignored ones too), in
   * milli-units. A container without a request fails the metric. A programmatic pod spec without
   * container detail states its request directly, and a zero there counts as no request.
   */
  static Map<String, Long> podRequests(List<Pod> pods, MetricResource resource) {
    Map<String, Long> requests = new HashMap<>();
    for (Pod pod : pods) {
      long sum = 0;
      List<ContainerRequest> containers = pod.spec().containers();
      if (containers.isEmpty()) {
        long direct = resource == MetricResource.CPU ? pod.spec().requests().milliCpu() : pod.spec().requests().memory();
        if (direct <= 0) {
          throw new MetricUnavailableException("missing request for " + resource.wireName() + " in pod " + pod.name());
        }
        sum = toMilli(direct, resource);
      }
      for (ContainerRequest c : containers) {
        long request = resource == MetricResource.CPU ? c.milliCpu() : c.memory();
        if (request < 0) {
          throw new MetricUnavailableException("missing request for " + resource.wireName() + " in container "
              + c.name() + " of pod " + pod.name());
        }
        sum += toMilli(request, resource);
      }
      requests.put(pod.name(), sum);
    }
    return requests;
  }

  private static long toMilli(long value, MetricResource resource) {
    return resource == MetricResource.CPU ? value : Math.multiplyExact(value, 1000L);
  }

  /** Go's {@code int32(math.Ceil(x))}, saturating instead of wrapping. */
  private static int ceil(double x) {
    return (int) Math.ceil(x);
  }
}
