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

  /**
   * {@link #calculate} for samples given per pod: {@code sampleOf[i]} is the sample of
   * {@code pods.get(i)} or null, and the pods' names are distinct (as the pods of one namespace
   * are). The result, or the exception, is that of {@code calculate} with the non-null samples in
   * order. The common case (every pod's sample usable, or no pod missing or set aside on a scale
   * up) is computed in one pass without maps; the others take the general path.
   */
  public ReplicaCalculation calculateAligned(HpaMetric metric, int currentReplicas, List<Pod> pods,
      PodUsage[] sampleOf, Tolerances tolerances, long now) {
    if (sampleOf.length != pods.size()) {
      throw new IllegalArgumentException("one sample slot per pod: " + sampleOf.length + " for " + pods.size());
    }
    if (metric instanceof ResourceMetric rm) {
      ReplicaCalculation fast = fastPath(rm, currentReplicas, pods, sampleOf, tolerances, now);
      if (fast != null) {
        return fast;
      }
    }
    List<PodUsage> samples = new java.util.ArrayList<>(pods.size());
    for (PodUsage u : sampleOf) {
      if (u != null) {
        samples.add(u);
      }
    }
    return calculate(metric, currentReplicas, pods, samples, tolerances, now);
  }

  /** The simple branches of {@link #calculate} with aligned samples, or null to take the general path. */
  private ReplicaCalculation fastPath(ResourceMetric rm, int currentReplicas, List<Pod> pods, PodUsage[] sampleOf,
      Tolerances tolerances, long now) {
    MetricResource resource = rm.resource();
    int ready = 0;
    int unready = 0;
    int missing = 0;
    int ignored = 0;
    int samples = 0;
    long usage = 0;
    long requested = 0;
    boolean utilization = rm.target().type() == MetricTarget.Type.UTILIZATION;
    try {
      for (int i = 0; i < sampleOf.length; i++) {
        Pod pod = pods.get(i);
        PodUsage sample = sampleOf[i];
        if (sample != null) {
          samples++;
          if (sample.has(resource)) {
            sample.milliUsage(resource); // the general path converts every usable sample (may overflow)
          }
        }
        // podRequests may fail on any pod: leave the message to the general path.
        long request = utilization ? request(pod, resource) : 0;
        if (request < 0) {
          return null;
        }
        if (pod.isDeleting() || pod.phase() == io.hns.model.cluster.PodPhase.FAILED) {
          ignored++;
        } else if (pod.phase() == io.hns.model.cluster.PodPhase.PENDING) {
          unready++;
        } else if (sample == null || !sample.has(resource)) {
          missing++;
        } else if (resource == MetricResource.CPU && PodGrouper.cpuSampleUnready(pod, sample, now, config)) {
          unready++;
        } else {
          ready++;
          usage = Math.addExact(usage, sample.milliUsage(resource));
          requested = Math.addExact(requested, request);
        }
      }
    } catch (ArithmeticException overflow) {
      return null;
    }
    if (samples == 0 || pods.isEmpty() || ready == 0) {
      return null; // the general path throws the right exception
    }
    Usage first;
    if (utilization) {
      if (requested == 0) {
        return null;
      }
      long percent;
      try {
        percent = Math.multiplyExact(usage, 100L) / requested;
      } catch (ArithmeticException overflow) {
        return null;
      }
      int percentInt = percent > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) percent;
      first = new Usage((double) percentInt / rm.target().averageUtilization(), percentInt);
    } else {
      long average = usage / ready;
      first = new Usage((double) average / rm.target().averageMilliValue(), average);
    }
    double ratio = first.ratio();
    boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
    if (scaleUpWithUnready || missing > 0) {
      return null;
    }
    String metric = rm.describe();
    if (tolerances.isWithin(ratio)) {
      return new ReplicaCalculation(metric, currentReplicas, first.value(), ratio, null, ready, unready, missing,
          ignored, Outcome.WITHIN_TOLERANCE);
    }
    return new ReplicaCalculation(metric, ceil(ratio * ready), first.value(), ratio, null, ready, unready, missing,
        ignored, Outcome.SCALED);
  }

  /** A pod's request as {@link #podRequests} counts it, or -1 where that would throw. */
  private static long request(Pod pod, MetricResource resource) {
    List<ContainerRequest> containers = pod.spec().containers();
    long sum = 0;
    if (containers.isEmpty()) {
      long direct = resource == MetricResource.CPU ? pod.spec().requests().milliCpu() : pod.spec().requests().memory();
      if (direct <= 0) {
        return -1;
      }
      sum = toMilli(direct, resource);
    }
    for (ContainerRequest c : containers) {
      long request = resource == MetricResource.CPU ? c.milliCpu() : c.memory();
      if (request < 0) {
        return -1;
      }
      sum += toMilli(request, resource);
    }
    return sum;
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
