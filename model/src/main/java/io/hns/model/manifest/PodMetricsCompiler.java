package io.hns.model.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.hns.model.cluster.Labels;
import io.hns.model.hpa.PodUsage;
import io.hns.model.resource.InvalidQuantityException;
import io.hns.model.resource.Quantities;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a {@code metrics.k8s.io/v1beta1} PodMetrics (an item of the PodMetricsList that
 * {@code kubectl get --raw /apis/metrics.k8s.io/v1beta1/namespaces/NS/pods} prints) into a
 * {@link PodUsage}.
 */
public final class PodMetricsCompiler {
  public static final String KIND = "PodMetrics";

  private PodMetricsCompiler() {}

  public static PodUsage compile(SourcedObject o) {
    FabricObjects.requireKind(o, Set.of(KIND), "a pod metrics file");
    String where = o.describe();
    // fabric8 reads the window with a parser that drops fractions; it is read from the tree instead.
    ObjectNode withoutWindow = ((ObjectNode) o.tree()).deepCopy();
    JsonNode windowNode = withoutWindow.remove("window");
    PodMetrics m = FabricObjects.convert(new SourcedObject(o.kind(), o.apiVersion(), withoutWindow, o.where()), PodMetrics.class);
    var meta = m.getMetadata();
    if (meta == null || meta.getName() == null || meta.getName().isEmpty()) {
      throw new ManifestException(o.where() + ": PodMetrics has no metadata.name");
    }
    long timestamp = PodCompiler.time(m.getTimestamp(), where, "timestamp");
    if (timestamp == io.hns.model.cluster.Times.UNSET) {
      throw new ManifestException(where + ": timestamp is required");
    }
    if (windowNode == null || windowNode.isNull()) {
      throw new ManifestException(where + ": window is required (metrics-server reports it, for example 15s)");
    }
    long window;
    try {
      window = GoDurations.parseMillis(windowNode.asText());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ManifestException(where + ": window: " + e.getMessage());
    }
    // Like the metrics client, a pod whose sample lacks a resource for any container has no value for it.
    List<ContainerMetrics> containers = SelectorCompiler.nullToEmpty(m.getContainers());
    long cpu = containers.isEmpty() ? -1 : 0;
    long memory = containers.isEmpty() ? -1 : 0;
    for (int i = 0; i < containers.size(); i++) {
      Map<String, Quantity> usage = containers.get(i).getUsage();
      String field = "containers[" + i + "].usage";
      cpu = add(cpu, usage, "cpu", true, where, field);
      memory = add(memory, usage, "memory", false, where, field);
    }
    return new PodUsage(meta.getNamespace(), meta.getName(), Labels.of(meta.getLabels()), timestamp, window, cpu, memory);
  }

  private static long add(long sum, Map<String, Quantity> usage, String name, boolean milli, String where, String field) {
    Quantity q = usage == null ? null : usage.get(name);
    if (q == null) {
      return -1;
    }
    long value;
    try {
      value = milli ? Quantities.milliValue(q.toString()) : Quantities.value(q.toString());
    } catch (InvalidQuantityException e) {
      throw new ManifestException(where + ": " + field + "." + name + ": " + e.getMessage());
    }
    return sum < 0 ? -1 : sum + value;
  }
}
