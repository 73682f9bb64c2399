package io.hns.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The macro benchmark's scenario, written as ordinary scenario files (scenario.yaml and
 * services.yaml) so that {@code hns simulate} runs exactly what {@code hns bench} runs.
 *
 * <p>For {@code nodes} = N: one VMSS pool of Standard_D4s_v3 (3860m allocatable) of up to N nodes
 * plus the ACI virtual node, the cluster autoscaler (least-waste) and the {@code burst-backfill}
 * policy; W = clamp(round(N/10), 1, 50) Deployments with CPU HPAs (70 %), pods of 250m, 500m or
 * 1000m in turn. The offered load is a 1-minute trace per Deployment over {@code days} days: a
 * daily cycle (mean 40 to 160 requests/s, amplitude 0.4 to 0.7, peak between 9h and 20h), weekends
 * (days 6 and 7) at 70 %, small day-to-day variation, and flash crowds (one or two a day, each
 * hitting a tenth of the Deployments with 2 to 4 times the load for 10 to 40 minutes, ramping up
 * over 2 minutes and down over 5). Each day is drawn from its own random stream: a shorter run's
 * trace is the beginning of a longer one's. Rates are whole requests per second, and a step is written only
 * where the rate changes: the step function equals the trace at every minute. Pod capacity is set
 * so that the mean demand fills about 55 % of N nodes (peaks of different Deployments are
 * staggered, flash crowds overflow to the virtual node).
 *
 * <p>Scenario files are limited to 3 MiB of text (the YAML parser's limit); should a long run
 * exceed it, the rates are rounded to a coarser quantum (2, 4, ... requests/s) until it fits.
 * Everything is drawn from a {@link SplittableRandom} seeded with {@code seed}: same parameters,
 * same files.
 */
public final class BenchScenario {
  static final long ALLOCATABLE_MILLI_CPU = 3860;
  static final int[] POD_MILLI_CPU = {250, 500, 1000};
  static final double HPA_TARGET = 0.70;
  static final double MEAN_FILL = 0.55;
  static final int MAX_SCENARIO_CHARS = 3_000_000;

  /** What to generate. */
  public record Params(int nodes, double days, long seed) {
    public Params {
      if (nodes < 1 || nodes > 1000) throw new IllegalArgumentException("--nodes must be within [1, 1000]");
      if (!(days > 0) || days > 60) throw new IllegalArgumentException("--days must be within (0, 60]");
    }

    public static Params standard() {
      return new Params(500, 7, 1);
    }

    public long durationMinutes() {
      return Math.max(1, Math.round(days * 1440));
    }

    public String name() {
      return "bench-" + nodes + "-nodes-" + durationLabel();
    }

    String durationLabel() {
      long m = durationMinutes();
      if (m % 1440 == 0) return (m / 1440) + "d";
      if (m % 60 == 0) return (m / 60) + "h";
      return m + "m";
    }
  }

  /** The generated files: scenario.yaml and the manifests it names, with some counts. */
  public record Written(Path scenario, int deployments, long steps, int rateQuantum) {}

  private BenchScenario() {}

  public static int deployments(int nodes) {
    return (int) Math.max(1, Math.min(50, Math.round(nodes / 10.0)));
  }

  /** Writes the scenario into {@code dir} (created if needed) and returns where it is. */
  public static Written write(Params p, Path dir) {
    Generated g = null;
    for (int quantum = 1; ; quantum *= 2) {
      g = generate(p, quantum);
      if (g.scenario.length() <= MAX_SCENARIO_CHARS) {
        break;
      }
    }
    try {
      Files.createDirectories(dir);
      Path scenario = dir.resolve("scenario.yaml");
      Files.writeString(scenario, g.scenario, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("services.yaml"), g.manifests, StandardCharsets.UTF_8);
      return new Written(scenario, g.deployments, g.steps, g.quantum);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the bench scenario to " + dir + ": " + e.getMessage(), e);
    }
  }

  private record Generated(String scenario, String manifests, int deployments, long steps, int quantum) {}

  private record Service(String name, int milliCpu, double meanRate, double amplitude, double peakHours,
      double podCapacity, int minReplicas, int maxReplicas, int initialReplicas) {}

  private record FlashCrowd(long startMinute, long plateauMinutes, double factor, boolean[] hits) {}

  static Generated generate(Params p, int quantum) {
    SplittableRandom random = new SplittableRandom(p.seed());
    int w = deployments(p.nodes());
    long minutes = p.durationMinutes();
    int days = (int) Math.ceil(minutes / 1440.0);

    // Services: a share of the mean CPU demand each, sized so the mean fills MEAN_FILL of N nodes.
    double totalMilli = MEAN_FILL * p.nodes() * ALLOCATABLE_MILLI_CPU;
    double[] weights = new double[w];
    double weightSum = 0;
    for (int i = 0; i < w; i++) {
      weights[i] = 0.5 + random.nextDouble();
      weightSum += weights[i];
    }
    List<Service> services = new ArrayList<>();
    for (int i = 0; i < w; i++) {
      int cpu = POD_MILLI_CPU[i % POD_MILLI_CPU.length];
      double meanRate = 40 + 120 * random.nextDouble();
      double amplitude = 0.4 + 0.3 * random.nextDouble();
      double peak = 9 + 11 * random.nextDouble();
      double meanPods = Math.max(1, totalMilli * weights[i] / weightSum / cpu);
      double capacity = meanRate / (HPA_TARGET * meanPods);
      int maxReplicas = (int) Math.ceil(meanPods * (1 + amplitude) * 4) + 2;
      double rate0 = meanRate * (1 + amplitude * Math.cos(2 * Math.PI * (0 - peak) / 24));
      int initial = (int) Math.max(2, Math.round(rate0 / (HPA_TARGET * capacity)));
      services.add(new Service(String.format("svc%02d", i), cpu, meanRate, amplitude, peak, capacity, 2,
          maxReplicas, Math.min(initial, maxReplicas)));
    }

    // Each day draws from its own stream, so a shorter run's load is the start of a longer one's.
    // Day level: weekdays around 1, weekends (days 6, 7 of each week) at 70 %. Flash crowds: one or
    // two a day, each on a tenth of the services.
    double[] dayLevel = new double[days + 1];
    List<FlashCrowd> flash = new ArrayList<>();
    for (int d = 0; d <= days; d++) {
      SplittableRandom day = new SplittableRandom(p.seed() * 0x9E3779B97F4A7C15L + d);
      dayLevel[d] = (d % 7 >= 5 ? 0.70 : 1.0) * (0.95 + 0.10 * day.nextDouble());
      int crowds = 1 + day.nextInt(2);
      for (int c = 0; c < crowds; c++) {
        long start = d * 1440L + day.nextLong(1440);
        long plateau = 10 + day.nextLong(31);
        double factor = 2 + 2 * day.nextDouble();
        boolean[] hits = new boolean[w];
        int n = Math.max(1, w / 10);
        for (int k = 0; k < n; k++) {
          hits[day.nextInt(w)] = true;
        }
        if (start < minutes) {
          flash.add(new FlashCrowd(start, plateau, factor, hits));
        }
      }
    }

    StringBuilder y = new StringBuilder(1 << 20);
    y.append("# Generated by `hns bench` (io.hns.cli.BenchScenario); run it with `hns simulate` to get\n")
        .append("# the same outputs as the benchmark. Loads are 1-minute traces written as steps where the\n")
        .append("# whole-requests/s rate changes").append(quantum > 1 ? " (rounded to multiples of " + quantum + ")" : "")
        .append(".\n");
    y.append("name: ").append(p.name()).append('\n');
    y.append("description: hns bench - ").append(w).append(" autoscaled services on a pool of up to ")
        .append(p.nodes()).append(" nodes plus the virtual node, ").append(p.durationLabel()).append(" of load\n");
    y.append("seed: ").append(p.seed()).append('\n');
    y.append("duration: ").append(minutes).append("m\n");
    y.append("timelineStep: 1m\n");
    y.append("policy: burst-backfill\n");
    double meanNodes = MEAN_FILL * p.nodes();
    int minCount = (int) Math.max(1, Math.ceil(p.nodes() * 0.05));
    long initialMilli = 0;
    for (Service s : services) initialMilli += (long) s.initialReplicas() * s.milliCpu();
    int count = (int) Math.min(p.nodes(), Math.max(minCount, Math.ceil(initialMilli * 1.1 / ALLOCATABLE_MILLI_CPU)));
    y.append("cluster:\n")
        .append("  region: eastus\n")
        .append("  nodePools:\n")
        .append("    - name: userpool\n")
        .append("      vmSize: Standard_D4s_v3\n")
        .append("      count: ").append(count).append('\n')
        .append("      minCount: ").append(minCount).append('\n')
        .append("      maxCount: ").append(p.nodes()).append('\n')
        .append("      maxPods: 110\n")
        .append("  virtualNode:\n")
        .append("    enabled: true\n")
        .append("  autoscaler:\n")
        .append("    enabled: true\n")
        .append("    expander: least-waste\n");
    y.append("# mean demand about ").append(Math.round(meanNodes)).append(" nodes\n");
    y.append("manifests:\n  - file: services.yaml\n");
    y.append("load:\n");
    long steps = 0;
    for (int i = 0; i < w; i++) {
      Service s = services.get(i);
      y.append("  - workload: ").append(s.name()).append('\n');
      y.append("    podCapacity: ").append(fmt(s.podCapacity())).append('\n');
      y.append("    steps: [");
      long previous = -1;
      int onLine = 0;
      for (long m = 0; m < minutes; m++) {
        long rate = quantize(rate(s, i, m, dayLevel, flash), quantum);
        if (rate == previous) {
          continue;
        }
        if (previous >= 0) {
          y.append(',');
          if (++onLine % 8 == 0) {
            y.append("\n      ");
          } else {
            y.append(' ');
          }
        }
        y.append("{at: ").append(m * 60).append(", rate: ").append(rate).append('}');
        previous = rate;
        steps++;
      }
      y.append("]\n");
    }

    StringBuilder k = new StringBuilder();
    k.append("# Generated by `hns bench`: ").append(w).append(" Deployments with CPU HPAs.\n");
    for (Service s : services) {
      k.append("---\n")
          .append("apiVersion: apps/v1\nkind: Deployment\n")
          .append("metadata: {name: ").append(s.name()).append(", namespace: apps}\n")
          .append("spec:\n")
          .append("  replicas: ").append(s.initialReplicas()).append('\n')
          .append("  selector: {matchLabels: {app: ").append(s.name()).append("}}\n")
          .append("  template:\n")
          .append("    metadata: {labels: {app: ").append(s.name()).append("}}\n")
          .append("    spec:\n")
          .append("      containers:\n")
          .append("      - name: app\n")
          .append("        image: nginx\n")
          .append("        resources: {requests: {cpu: ").append(s.milliCpu()).append("m, memory: ")
          .append(s.milliCpu()).append("Mi}}\n")
          .append("---\n")
          .append("apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\n")
          .append("metadata: {name: ").append(s.name()).append(", namespace: apps}\n")
          .append("spec:\n")
          .append("  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ").append(s.name()).append("}\n")
          .append("  minReplicas: ").append(s.minReplicas()).append('\n')
          .append("  maxReplicas: ").append(s.maxReplicas()).append('\n')
          .append("  metrics:\n")
          .append("  - type: Resource\n")
          .append("    resource: {name: cpu, target: {type: Utilization, averageUtilization: ")
          .append(Math.round(HPA_TARGET * 100)).append("}}\n");
    }
    return new Generated(y.toString(), k.toString(), w, steps, quantum);
  }

  /** The service's offered rate in the minute {@code m}: daily cycle, day level, flash crowds. */
  private static double rate(Service s, int index, long m, double[] dayLevel, List<FlashCrowd> flash) {
    double hours = (m % 1440) / 60.0;
    double r = s.meanRate() * dayLevel[(int) (m / 1440)]
        * (1 + s.amplitude() * Math.cos(2 * Math.PI * (hours - s.peakHours()) / 24));
    double factor = 1;
    for (FlashCrowd f : flash) {
      if (!f.hits()[index] || m < f.startMinute()) {
        continue;
      }
      long t = m - f.startMinute();
      double shape;
      if (t < 2) {
        shape = (t + 1) / 3.0; // ramp up over 2 minutes
      } else if (t < 2 + f.plateauMinutes()) {
        shape = 1;
      } else if (t < 2 + f.plateauMinutes() + 5) {
        shape = 1 - (t - 1 - f.plateauMinutes()) / 6.0; // ramp down over 5 minutes
      } else {
        continue;
      }
      factor = Math.max(factor, 1 + (f.factor() - 1) * shape);
    }
    return r * factor;
  }

  private static long quantize(double rate, int quantum) {
    return Math.max(0, Math.round(rate / quantum) * quantum);
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }
}
