package io.hns.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hns.model.cluster.Times;
import io.hns.model.hpa.HpaControllerConfig;
import io.hns.model.hpa.HpaDecision;
import io.hns.model.hpa.HpaScalingRules;
import io.hns.model.hpa.HpaSpec;
import io.hns.model.hpa.MetricOutcome;
import io.hns.model.hpa.MetricResource;
import io.hns.model.hpa.MetricTarget;
import io.hns.model.hpa.MetricsRecommendation;
import io.hns.model.hpa.Normalization;
import io.hns.model.hpa.PodGroups;
import io.hns.model.hpa.PodGrouper;
import io.hns.model.hpa.PodUsage;
import io.hns.model.hpa.ReplicaCalculation;
import io.hns.model.hpa.ResourceMetric;
import io.hns.model.hpa.Tolerances;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What {@code hns explain hpa} prints: a JSON summary, or a short account of each step. */
final class HpaReport {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NAMES_SHOWN = 8;

  private final HpaInputs in;
  private final HpaControllerConfig config;
  private final long now;
  private final int current;
  private final String currentSource;
  private final MetricsRecommendation metrics;
  private final HpaDecision decision;

  HpaReport(HpaInputs in, HpaControllerConfig config, long now, int current, String currentSource,
      MetricsRecommendation metrics, HpaDecision decision) {
    this.in = in;
    this.config = config;
    this.now = now;
    this.current = current;
    this.currentSource = currentSource;
    this.metrics = metrics;
    this.decision = decision;
  }

  String json() {
    ReplicaCalculation c = metrics.decisive();
    ObjectNode n = JSON.createObjectNode();
    n.put("currentReplicas", current);
    n.put("calculatedReplicas", metrics.replicas());
    n.put("desiredReplicas", decision.desiredReplicas());
    n.put("utilization", c.utilization());
    n.put("ratio", c.ratio());
    n.put("readyPods", c.readyPods());
    n.put("unreadyPods", c.unreadyPods());
    n.put("missingPods", c.missingPods());
    n.put("ignoredPods", c.ignoredPods());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  String text() {
    HpaSpec hpa = in.hpa();
    StringBuilder out = new StringBuilder();
    line(out, "HPA %s scales %s between %d and %d replicas; %s.", hpa.key(), hpa.scaleTargetRef(), hpa.minReplicas(),
        hpa.maxReplicas(), behavior(hpa));
    line(out, "Clock %s; current replicas %d (from %s); %d pods counted (%s).", Times.format(now), current,
        currentSource, in.pods().size(), in.target() == null ? "every pod in namespace " + hpa.namespace()
            : "the selector of " + in.target().kind() + " " + in.target().name());
    out.append('\n');
    Tolerances tolerances = config.tolerancesFor(hpa);
    for (MetricOutcome o : metrics.outcomes()) {
      metric(out, o, tolerances);
    }
    out.append('\n');
    line(out, "Calculated replicas: %d (the largest proposal, from %s).", metrics.replicas(), metrics.decisive().metric());
    conclusion(out);
    return out.toString();
  }

  private void metric(StringBuilder out, MetricOutcome o, Tolerances tolerances) {
    if (!o.isValid()) {
      line(out, "%s: invalid: %s", o.metric().describe(), o.error());
      return;
    }
    ResourceMetric m = (ResourceMetric) o.metric();
    ReplicaCalculation c = o.calculation();
    MetricTarget t = m.target();
    boolean utilization = t.type() == MetricTarget.Type.UTILIZATION;
    line(out, "%s, target %s:", c.metric(), utilization ? t.averageUtilization() + "% of request"
        : amount(t.averageMilliValue(), m.resource()) + " per pod");
    PodGroups g = groups(m.resource());
    line(out, "  ready    %s", names(g.readyCount(), readyNames(g)));
    line(out, "  unready  %s%s", names(g.unready().size(), g.unready()),
        g.unready().isEmpty() ? "" : " (pending, or cpu still initializing: sample set aside, 0 on a scale-up)");
    line(out, "  missing  %s%s", names(g.missing().size(), g.missing()),
        g.missing().isEmpty() ? "" : " (no sample: 0 on a scale-up, the request on a scale-down)");
    line(out, "  ignored  %s%s", names(g.ignored().size(), g.ignored()),
        g.ignored().isEmpty() ? "" : " (deleting or failed)");
    String usage = utilization ? c.utilization() + "% of request" : amount(c.utilization(), m.resource()) + " per pod";
    line(out, "  usage %s -> ratio %s (tolerance %s..%s: %s)", usage, fmt(c.ratio()), fmt(1 - tolerances.scaleDown()),
        fmt(1 + tolerances.scaleUp()), tolerances.isWithin(c.ratio()) ? "within" : "outside");
    if (c.rebalancedRatio() != null) {
      line(out, "  with missing/unready pods filled in -> ratio %s", fmt(c.rebalancedRatio()));
    }
    line(out, "  %s -> %d", c.outcome().explanation(), c.calculatedReplicas());
  }

  private void conclusion(StringBuilder out) {
    HpaSpec hpa = in.hpa();
    Normalization n = decision.normalization();
    if (decision.metrics() == null) {
      // Out of range or disabled: upstream does not consult the metrics at all.
      line(out, "The controller ignores this proposal: %s.", decision.reason());
    } else if (!decision.metrics().usable()) {
      line(out, "The controller does not scale: %s.", decision.reason());
    } else {
      line(out, "Stabilization: no earlier recommendations assumed, so %d stands (a running controller would hold %s).",
          n.stabilizedReplicas(), heldBy(hpa));
      line(out, "Limits: %d..%d allowed (%s: %s).", n.minAllowed(), n.maxAllowed(), n.limit(), n.limitMessage());
    }
    int desired = decision.desiredReplicas();
    String change = desired > current ? "scale up from " + current : desired < current ? "scale down from " + current
        : "no change";
    line(out, "Desired replicas: %d (%s).", desired, change);
  }

  /** What the stabilization window(s) would do with a history. */
  private String heldBy(HpaSpec hpa) {
    long flag = config.downscaleStabilizationMs() / 1000;
    if (hpa.behavior() == null) {
      return "a scale-down at the highest recommendation of the last " + flag + " s";
    }
    Integer down = hpa.behavior().scaleDown().stabilizationWindowSeconds();
    return "a scale-up at the lowest recommendation of the last " + hpa.behavior().scaleUp().stabilizationWindowSeconds()
        + " s and a scale-down at the highest of the last " + (down == null ? flag : down) + " s";
  }

  private PodGroups groups(MetricResource resource) {
    Map<String, PodUsage> byName = new HashMap<>();
    for (PodUsage u : in.samples()) {
      byName.put(u.name(), u);
    }
    return PodGrouper.group(in.pods(), byName, resource, now, config);
  }

  private List<String> readyNames(PodGroups g) {
    List<String> ready = new ArrayList<>();
    for (var p : in.pods()) {
      String name = p.name();
      if (!g.unready().contains(name) && !g.missing().contains(name) && !g.ignored().contains(name)) {
        ready.add(name);
      }
    }
    return ready;
  }

  private static String names(int count, Collection<String> names) {
    if (count == 0) {
      return "0";
    }
    List<String> shown = names.stream().sorted().limit(NAMES_SHOWN).toList();
    return count + ": " + String.join(", ", shown) + (count > NAMES_SHOWN ? ", and " + (count - NAMES_SHOWN) + " more" : "");
  }

  private static String behavior(HpaSpec hpa) {
    if (hpa.behavior() == null) {
      return "no spec.behavior, so the legacy rules (scale-up at most max(2x current, 4) per sync, "
          + "5 min scale-down stabilization)";
    }
    return "behavior: up " + rules(hpa.behavior().scaleUp()) + "; down " + rules(hpa.behavior().scaleDown());
  }

  private static String rules(HpaScalingRules r) {
    String window = r.stabilizationWindowSeconds() == null ? "300 s (flag)" : r.stabilizationWindowSeconds() + " s";
    return r.selectPolicy().wireName() + " of " + r.policies() + ", window " + window;
  }

  private static String amount(long milli, MetricResource resource) {
    return resource == MetricResource.CPU ? milli + "m" : (milli / 1000) + " bytes";
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.3f", d);
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
