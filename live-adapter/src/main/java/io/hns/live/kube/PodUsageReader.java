package io.hns.live.kube;

import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.hns.model.hpa.PodUsage;
import io.hns.model.manifest.PodMetricsCompiler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Pod usage from {@code metrics.k8s.io/v1beta1} (metrics-server), polled at most once per
 * {@code maxAge}: metrics-server itself only scrapes every 15 s or so, and the metrics API has no
 * watch. A missing metrics API gives an empty list and an error report, not a failed loop.
 */
final class PodUsageReader {
  private final KubernetesClient client;
  private final List<String> namespaces;
  private final Clock clock;
  private final long maxAgeMs;
  private final BiConsumer<String, RuntimeException> onError;
  private List<PodUsage> last = List.of();
  private long readAt = Long.MIN_VALUE;

  PodUsageReader(KubernetesClient client, Set<String> namespaces, Clock clock, Duration maxAge,
      BiConsumer<String, RuntimeException> onError) {
    this.client = client;
    this.namespaces = namespaces.stream().sorted().toList();
    this.clock = clock;
    this.maxAgeMs = maxAge.toMillis();
    this.onError = onError;
  }

  synchronized List<PodUsage> read() {
    long now = clock.millis();
    if (readAt != Long.MIN_VALUE && now - readAt < maxAgeMs) {
      return last;
    }
    List<PodUsage> out = new ArrayList<>();
    for (String ns : namespaces) {
      try {
        for (PodMetrics m : client.top().pods().metrics(ns).getItems()) {
          out.add(PodMetricsCompiler.compile(FabricTrees.sourced(PodMetricsCompiler.KIND, "metrics.k8s.io/v1beta1", m)));
        }
      } catch (RuntimeException e) {
        onError.accept("cannot read pod metrics in " + ns + ": " + e.getMessage(), e);
      }
    }
    last = List.copyOf(out);
    readAt = now;
    return last;
  }
}
