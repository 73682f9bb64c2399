package io.hns.model.manifest;

import com.google.common.collect.ImmutableList;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.hns.model.hpa.HpaMetric;
import io.hns.model.hpa.MetricResource;
import io.hns.model.hpa.ResourceMetric;
import io.hns.model.hpa.UnsupportedMetric;
import io.hns.model.resource.InvalidQuantityException;
import io.hns.model.resource.Quantities;
import java.util.List;

/** Compiles {@code spec.metrics} of an autoscaling/v2 HPA. */
final class HpaMetricsCompiler {
  private static final String CUSTOM = "custom and external metrics are not modelled";

  private HpaMetricsCompiler() {}

  /** An empty list stays empty: {@link io.hns.model.hpa.HpaSpec} applies the cpu 80 % default. */
  static ImmutableList<HpaMetric> compile(List<MetricSpec> metrics, String where) {
    ImmutableList.Builder<HpaMetric> out = ImmutableList.builder();
    List<MetricSpec> list = SelectorCompiler.nullToEmpty(metrics);
    for (int i = 0; i < list.size(); i++) {
      out.add(metric(list.get(i), where + ": spec.metrics[" + i + "]"));
    }
    return out.build();
  }

  private static HpaMetric metric(MetricSpec m, String field) {
    String type = m.getType();
    if (type == null || type.isEmpty()) {
      throw new ManifestException(field + ".type: must specify a metric source type");
    }
    return switch (type) {
      case "Resource" -> resource(m, field);
      case "ContainerResource" -> {
        var c = required(m.getContainerResource(), field + ".containerResource");
        yield new UnsupportedMetric("ContainerResource " + c.getName() + " of container " + c.getContainer(),
            "per-container samples are not modelled");
      }
      case "Pods" -> new UnsupportedMetric("Pods metric " + metricName(required(m.getPods(), field + ".pods").getMetric()), CUSTOM);
      case "Object" -> new UnsupportedMetric("Object metric " + metricName(required(m.getObject(), field + ".object").getMetric()), CUSTOM);
      case "External" -> new UnsupportedMetric("External metric " + metricName(required(m.getExternal(), field + ".external").getMetric()), CUSTOM);
      default -> throw new ManifestException(field + ".type: unsupported value \"" + type
          + "\" (Resource, ContainerResource, Pods, Object, External)");
    };
  }

  private static HpaMetric resource(MetricSpec m, String field) {
    var r = required(m.getResource(), field + ".resource");
    String name = r.getName();
    if (name == null || name.isEmpty()) {
      throw new ManifestException(field + ".resource.name: must specify a resource name");
    }
    MetricTarget t = required(r.getTarget(), field + ".resource.target");
    String tf = field + ".resource.target";
    checkTargetType(t, tf);
    MetricResource resource = MetricResource.parse(name);
    if (t.getAverageUtilization() != null && t.getAverageValue() != null) {
      throw new ManifestException(tf + ": may not set both a target raw value and a target utilization");
    }
    if (t.getAverageUtilization() == null && t.getAverageValue() == null) {
      throw new ManifestException(tf + ": must set either a target raw value (averageValue) or a target utilization (averageUtilization)");
    }
    if (t.getAverageUtilization() != null && t.getAverageUtilization() < 1) {
      throw new ManifestException(tf + ".averageUtilization: must be greater than 0");
    }
    long milli = t.getAverageValue() == null ? 0 : positiveMilli(t.getAverageValue(), tf + ".averageValue");
    if (resource == null) {
      return new UnsupportedMetric("Resource " + name, "metrics-server reports only cpu and memory");
    }
    // The controller looks at which field is set, not at target.type.
    return new ResourceMetric(resource, t.getAverageValue() != null
        ? io.hns.model.hpa.MetricTarget.averageMilliValue(milli)
        : io.hns.model.hpa.MetricTarget.utilization(t.getAverageUtilization()));
  }

  private static void checkTargetType(MetricTarget t, String field) {
    String type = t.getType();
    if (type == null || type.isEmpty()) {
      throw new ManifestException(field + ".type: must specify a metric target type");
    }
    if (!type.equals("Utilization") && !type.equals("AverageValue") && !type.equals("Value")) {
      throw new ManifestException(field + ".type: must be either Utilization, Value, or AverageValue");
    }
  }

  private static long positiveMilli(Quantity q, String field) {
    try {
      long v = Quantities.milliValue(q.toString());
      if (v <= 0) {
        throw new ManifestException(field + ": must be positive");
      }
      return v;
    } catch (InvalidQuantityException e) {
      throw new ManifestException(field + ": " + e.getMessage());
    }
  }

  private static String metricName(io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier id) {
    return id == null || id.getName() == null ? "(unnamed)" : id.getName();
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new ManifestException(field + ": required for this metric type");
    }
    return value;
  }
}
