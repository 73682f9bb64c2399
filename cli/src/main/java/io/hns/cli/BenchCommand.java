package io.hns.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.RunWriter;
import io.hns.simulator.output.Summary;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hns bench}: the macro benchmark. Writes the fixed large scenario ({@link BenchScenario})
 * as ordinary scenario files, loads them with the scenario compiler and runs them as
 * {@code hns simulate} would, timing the load and the run and watching the heap; prints the speed
 * and writes it as JSON with the machine. {@code --curve} measures how wall time and memory grow
 * with the node count and the simulated duration, one child JVM per point (docs/benchmarks.md).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Run the macro benchmark: one VMSS pool of up to N nodes plus the virtual",
      "node, 50 Deployments with HPAs (N/10 below 500 nodes), D days of 1-minute",
      "load with daily cycles and flash crowds, the cluster autoscaler and",
      "burst-backfill. Prints simulated seconds per wall second, events per",
      "second, peak heap and wall time; --out writes them as JSON with the machine.",
      "Targets on 2 cores: the default run in under 60 s and under 1 GiB of heap",
      "(HNS_JAVA_OPTS=-Xmx1g hns bench). docs/benchmarks.md has the details."
    })
public final class BenchCommand implements Callable<Integer> {
  static final long TARGET_WALL_SECONDS = 60;
  static final long TARGET_SPEEDUP = 10_000;
  static final long TARGET_HEAP_BYTES = 1L << 30;
  static final int[] CURVE_NODES = {10, 30, 100, 300, 1000};
  static final double CURVE_NODES_DAYS = 1;
  static final double[] CURVE_DAYS = {1.0 / 24, 6.0 / 24, 1, 3};
  static final int CURVE_DAYS_NODES = 500;

  @Spec CommandSpec spec;

  @Option(names = "--nodes", description = "Largest size of the VMSS pool (default: ${DEFAULT-VALUE}).")
  int nodes = 500;

  @Option(names = "--days", description = "Simulated days, fractions allowed (default: ${DEFAULT-VALUE}).")
  double days = 7;

  @Option(names = "--seed", description = "Seed of the scenario and the run (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--out", paramLabel = "FILE.json", description = "Write the measurements as JSON.")
  Path out;

  @Option(names = "--keep", paramLabel = "DIR",
      description = "Write the scenario files here and keep them (default: a temporary folder, deleted).")
  Path keep;

  @Option(names = "--outputs", paramLabel = "DIR",
      description = "Also write the run's outputs (timeline.csv, pods.csv, ...) as hns simulate does.")
  Path outputs;

  @Option(names = "--curve", paramLabel = "FILE.csv",
      description = "Measure the scaling curve instead: nodes 10, 30, 100, 300, 1000 (1 day) and durations "
          + "1h, 6h, 1d, 3d (500 nodes), one child JVM each; writes the CSV and FILE-fit.json.")
  Path curve;

  @Option(names = "--child-heap", paramLabel = "SIZE", description = "-Xmx of the curve's child JVMs (default: ${DEFAULT-VALUE}).")
  String childHeap = "1g";

  @Option(names = "--warmup-days", paramLabel = "D",
      description = "First run (unmeasured) the same scenario for D days, so that the measured run is compiled "
          + "code (the curve's points use 0.1; default: ${DEFAULT-VALUE}).")
  double warmupDays = 0;

  static final double CURVE_WARMUP_DAYS = 0.1;

  @Override
  public Integer call() throws Exception {
    PrintWriter o = spec.commandLine().getOut();
    if (curve != null) {
      return curve(o);
    }
    if (warmupDays > 0) {
      run(new BenchScenario.Params(nodes, warmupDays, seed), null, null);
    }
    Map<String, Object> m = run(new BenchScenario.Params(nodes, days, seed), keep, outputs);
    m.put("warmup_days", warmupDays);
    printRun(o, m);
    if (out != null) {
      write(out, Json.MAPPER.writeValueAsString(m));
      o.println("  json                " + out);
    }
    o.flush();
    return 0;
  }

  /** One measured run; the measurements as an ordered map (the JSON document). */
  static Map<String, Object> run(BenchScenario.Params p, Path keep, Path outputs) throws IOException {
    Path dir = keep != null ? keep : Files.createTempDirectory("hns-bench-");
    try {
      long w0 = System.nanoTime();
      BenchScenario.Written files = BenchScenario.write(p, dir);
      long w1 = System.nanoTime();
      System.gc();
      var threads = ManagementFactory.getThreadMXBean();
      RunResult r;
      long t0;
      long t1;
      long t2;
      long c1;
      long c2;
      HeapWatch heap = new HeapWatch();
      try (heap) {
        t0 = System.nanoTime();
        CompiledScenario s = ScenarioCompiler.load(ScenarioSource.of(files.scenario().toString()));
        t1 = System.nanoTime();
        c1 = threads.getCurrentThreadCpuTime();
        r = Simulation.run(s, Simulation.Options.quiet());
        c2 = threads.getCurrentThreadCpuTime();
        t2 = System.nanoTime();
      }
      if (outputs != null) {
        RunWriter.write(outputs, r);
      }
      double load = (t1 - t0) / 1e9;
      double runS = (t2 - t1) / 1e9;
      double wall = load + runS;
      double simulated = r.durationMs() / 1000.0;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("benchmark", "hns bench");
      Map<String, Object> sc = new LinkedHashMap<>();
      sc.put("name", r.scenario());
      sc.put("nodes", p.nodes());
      sc.put("days", p.days());
      sc.put("deployments", files.deployments());
      sc.put("load_steps", files.steps());
      sc.put("rate_quantum", files.rateQuantum());
      sc.put("seed", r.seed());
      sc.put("policy", r.policy());
      m.put("scenario", sc);
      m.put("simulated_seconds", simulated);
      m.put("wall_seconds", round(wall));
      m.put("load_seconds", round(load));
      m.put("run_seconds", round(runS));
      m.put("run_cpu_seconds", round((c2 - c1) / 1e9));
      m.put("generate_seconds", round((w1 - w0) / 1e9));
      m.put("simulated_seconds_per_wall_second", Math.round(simulated / Math.max(1e-9, wall)));
      m.put("events", r.eventsProcessed());
      m.put("events_per_wall_second", Math.round(r.eventsProcessed() / Math.max(1e-9, runS)));
      m.put("peak_heap_bytes", heap.peakUsed());
      m.put("peak_heap_after_gc_bytes", heap.peakAfterGc());
      m.put("max_heap_bytes", HeapWatch.maxHeap());
      m.put("gc_collections", heap.collections());
      m.put("gc_seconds", round(heap.gcMillis() / 1000.0));
      Map<String, Object> res = new LinkedHashMap<>();
      Map<String, Object> summary = Summary.deterministic(r);
      res.put("pods_created", summary.get("pods_created"));
      res.put("demand", summary.get("demand"));
      res.put("cost", summary.get("cost"));
      res.put("aci_share_of_pod_seconds", summary.get("aci_share_of_pod_seconds"));
      res.put("max_vm_nodes_ready", r.timeline().stream().mapToInt(t -> t.nodesReady()).max().orElse(0));
      m.put("results", res);
      Map<String, Object> targets = new LinkedHashMap<>();
      targets.put("wall_seconds_under", TARGET_WALL_SECONDS);
      targets.put("simulated_seconds_per_wall_second_over", TARGET_SPEEDUP);
      targets.put("peak_heap_bytes_under", TARGET_HEAP_BYTES);
      targets.put("met", wall < TARGET_WALL_SECONDS && simulated / wall > TARGET_SPEEDUP
          && heap.peakUsed() < TARGET_HEAP_BYTES);
      m.put("targets", targets);
      m.put("machine", machine());
      return m;
    } finally {
      if (keep == null) {
        deleteTree(dir);
      }
    }
  }

  private static void printRun(PrintWriter o, Map<String, Object> m) {
    @SuppressWarnings("unchecked")
    Map<String, Object> sc = (Map<String, Object>) m.get("scenario");
    @SuppressWarnings("unchecked")
    Map<String, Object> machine = (Map<String, Object>) m.get("machine");
    @SuppressWarnings("unchecked")
    Map<String, Object> res = (Map<String, Object>) m.get("results");
    o.printf(Locale.ROOT, "hns bench: %s (%s Deployments with HPAs, up to %s nodes + the virtual node, seed %s, %s)%n",
        sc.get("name"), sc.get("deployments"), sc.get("nodes"), sc.get("seed"), sc.get("policy"));
    o.printf(Locale.ROOT, "  simulated           %,.0f s in %.1f s wall: %,d x real time (load %.1f s, run %.1f s, run cpu %.1f s)%n",
        (double) m.get("simulated_seconds"), (double) m.get("wall_seconds"),
        (long) m.get("simulated_seconds_per_wall_second"), (double) m.get("load_seconds"),
        (double) m.get("run_seconds"), (double) m.get("run_cpu_seconds"));
    o.printf(Locale.ROOT, "  events              %,d (%,d per wall second)%n", (long) m.get("events"),
        (long) m.get("events_per_wall_second"));
    o.printf(Locale.ROOT, "  peak heap           %,d MiB in use (%,d MiB after a collection; max heap %,d MiB; %d GCs, %.1f s)%n",
        mib((long) m.get("peak_heap_bytes")), mib((long) m.get("peak_heap_after_gc_bytes")),
        mib((long) m.get("max_heap_bytes")), (long) m.get("gc_collections"), (double) m.get("gc_seconds"));
    o.printf(Locale.ROOT, "  results             %s pods created, %s VM nodes Ready at most, cost %s%n",
        res.get("pods_created"), res.get("max_vm_nodes_ready"), res.get("cost"));
    o.printf(Locale.ROOT, "  machine             %s cores, %s, %s %s, %s %s%n", machine.get("cores"),
        machine.get("cpu_model"), machine.get("jvm"), machine.get("jvm_version"), machine.get("os"),
        machine.get("os_arch"));
    @SuppressWarnings("unchecked")
    Map<String, Object> t = (Map<String, Object>) m.get("targets");
    o.printf(Locale.ROOT, "  targets             under %d s, over %,d x, under 1 GiB: %s%n", TARGET_WALL_SECONDS,
        TARGET_SPEEDUP, Boolean.TRUE.equals(t.get("met")) ? "met" : "NOT met");
  }

  static Map<String, Object> machine() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu_model", cpuModel());
    m.put("jvm", System.getProperty("java.vm.name"));
    m.put("jvm_version", System.getProperty("java.runtime.version"));
    m.put("jvm_vendor", System.getProperty("java.vm.vendor"));
    m.put("jvm_arguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("os_arch", System.getProperty("os.arch"));
    m.put("max_heap_bytes", HeapWatch.maxHeap());
    return m;
  }

  /** The "model name" of /proc/cpuinfo, or the architecture elsewhere. */
  static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst().orElse(System.getProperty("os.arch"));
    } catch (IOException | UncheckedIOException e) {
      return System.getProperty("os.arch");
    }
  }

  // ---- scaling curve --------------------------------------------------------------------------

  /** One point of the curve as measured by a child {@code hns bench}. */
  record Point(String series, int nodes, double days, JsonNode json) {}

  private int curve(PrintWriter o) throws Exception {
    List<Point> points = new ArrayList<>();
    Path tmp = Files.createTempDirectory("hns-curve-");
    try {
      o.println("hns bench --curve: one child JVM (-Xmx" + childHeap + ") per point, measured after a "
          + CURVE_WARMUP_DAYS + "-day warm-up run of the same size");
      o.flush();
      for (int n : CURVE_NODES) {
        points.add(child(o, tmp, "nodes", n, CURVE_NODES_DAYS));
      }
      for (double d : CURVE_DAYS) {
        points.add(child(o, tmp, "duration", CURVE_DAYS_NODES, d));
      }
    } finally {
      deleteTree(tmp);
    }
    StringBuilder csv = new StringBuilder(CURVE_COLUMNS + "\n");
    for (Point p : points) {
      JsonNode j = p.json();
      csv.append(String.join(",", p.series(), Integer.toString(p.nodes()), num(p.days()),
          num(j.path("simulated_seconds").asDouble()), num(j.path("wall_seconds").asDouble()),
          num(j.path("load_seconds").asDouble()), num(j.path("run_seconds").asDouble()),
          num(j.path("run_cpu_seconds").asDouble()), j.path("events").asText(),
          j.path("events_per_wall_second").asText(), j.path("simulated_seconds_per_wall_second").asText(),
          num(j.path("peak_heap_bytes").asDouble() / (1 << 20)),
          num(j.path("peak_heap_after_gc_bytes").asDouble() / (1 << 20)),
          j.path("results").path("pods_created").asText(), j.path("scenario").path("deployments").asText(),
          j.path("results").path("max_vm_nodes_ready").asText()))
          .append('\n');
    }
    write(curve, csv.toString());
    Map<String, Object> fit = new LinkedHashMap<>();
    fit.put("nodes", fits(points, "nodes", Point::nodes));
    fit.put("duration", fits(points, "duration", p -> p.days()));
    fit.put("machine", machine());
    Path fitFile = fitFile(curve);
    write(fitFile, Json.MAPPER.writeValueAsString(fit));
    o.println("  wrote " + curve + " and " + fitFile);
    o.printf(Locale.ROOT, "  growth, log-log slope over all points (largest three): run time ~ nodes^%.2f (%.2f), "
        + "~ duration^%.2f (%.2f); heap after GC ~ nodes^%.2f (%.2f), ~ duration^%.2f (%.2f)%n",
        slope(fit, "nodes", "run_seconds", false), slope(fit, "nodes", "run_seconds", true),
        slope(fit, "duration", "run_seconds", false), slope(fit, "duration", "run_seconds", true),
        slope(fit, "nodes", "peak_heap_after_gc_bytes", false), slope(fit, "nodes", "peak_heap_after_gc_bytes", true),
        slope(fit, "duration", "peak_heap_after_gc_bytes", false),
        slope(fit, "duration", "peak_heap_after_gc_bytes", true));
    o.flush();
    return 0;
  }

  static final String CURVE_COLUMNS = "series,nodes,days,simulated_s,wall_s,load_s,run_s,run_cpu_s,events,"
      + "events_per_s,speedup,peak_heap_mib,peak_heap_after_gc_mib,pods_created,deployments,max_vm_nodes_ready";

  static Path fitFile(Path csv) {
    String name = csv.getFileName().toString();
    String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
    return csv.resolveSibling(base + "-fit.json");
  }

  @SuppressWarnings("unchecked")
  private static double slope(Map<String, Object> fit, String series, String metric, boolean largest) {
    Map<String, Object> f = (Map<String, Object>) fit.get(series);
    if (largest) {
      f = (Map<String, Object>) f.get("largest_three");
    }
    return (double) ((Map<String, Object>) f.get(metric)).get("slope");
  }

  private Point child(PrintWriter o, Path tmp, String series, int n, double d) throws Exception {
    Path json = tmp.resolve(series + "-" + n + "-" + d + ".json");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + childHeap, "-cp", System.getProperty("java.class.path"),
        Hns.class.getName(), "bench", "--nodes", Integer.toString(n), "--days", Double.toString(d),
        "--warmup-days", Double.toString(CURVE_WARMUP_DAYS),
        "--seed", Long.toString(seed), "--out", json.toString()));
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String text = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (proc.waitFor() != 0 || !Files.exists(json)) {
      throw new IllegalStateException("bench of " + n + " nodes, " + d + " days failed:\n" + text);
    }
    JsonNode j = Json.MAPPER.readTree(json.toFile());
    o.printf(Locale.ROOT, "  %-8s %5d nodes %7.3f days: run %6.1f s, peak heap %5d MiB, %,d x real time%n", series, n, d,
        j.path("run_seconds").asDouble(), mib(j.path("peak_heap_bytes").asLong()),
        j.path("simulated_seconds_per_wall_second").asLong());
    o.flush();
    return new Point(series, n, d, j);
  }

  /** Least-squares slope and intercept of log(metric) against log(x), per metric. */
  private static Map<String, Object> fits(List<Point> points, String series,
      java.util.function.ToDoubleFunction<Point> x) {
    List<Point> all = points.stream().filter(p -> p.series().equals(series))
        .sorted(Comparator.comparingDouble(x)).toList();
    Map<String, Object> out = fit(all, x);
    // Fixed costs flatten the small end; the three largest points show the growth order.
    out.put("largest_three", fit(all.subList(Math.max(0, all.size() - 3), all.size()), x));
    return out;
  }

  private static Map<String, Object> fit(List<Point> s, java.util.function.ToDoubleFunction<Point> x) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String metric : List.of("run_seconds", "wall_seconds", "run_cpu_seconds", "events", "peak_heap_bytes",
        "peak_heap_after_gc_bytes")) {
      double[] xs = s.stream().mapToDouble(p -> Math.log(x.applyAsDouble(p))).toArray();
      double[] ys = s.stream().mapToDouble(p -> Math.log(Math.max(1e-9, p.json().path(metric).asDouble()))).toArray();
      double[] fit = leastSquares(xs, ys);
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("slope", Math.round(fit[0] * 1000) / 1000.0);
      f.put("intercept", Math.round(fit[1] * 1000) / 1000.0);
      f.put("points", xs.length);
      out.put(metric, f);
    }
    return out;
  }

  static double[] leastSquares(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int i = 0; i < n; i++) {
      mx += x[i] / n;
      my += y[i] / n;
    }
    double sxy = 0;
    double sxx = 0;
    for (int i = 0; i < n; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
    }
    double slope = sxx == 0 ? 0 : sxy / sxx;
    return new double[] {slope, my - slope * mx};
  }

  // ---- helpers --------------------------------------------------------------------------------

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  private static long mib(long bytes) {
    return bytes >> 20;
  }

  private static String num(double v) {
    return java.math.BigDecimal.valueOf(Math.round(v * 1000) / 1000.0).stripTrailingZeros().toPlainString();
  }

  private static void write(Path file, String text) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // leave it: a temporary folder
        }
      });
    } catch (IOException e) {
      // leave it
    }
  }
}
