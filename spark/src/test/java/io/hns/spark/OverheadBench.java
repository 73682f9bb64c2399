package io.hns.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hns.simulator.plan.LocalSweepEngine;
import io.hns.simulator.plan.Planner;
import io.hns.simulator.plan.PreparedSweep;
import io.hns.simulator.plan.Shard;
import io.hns.simulator.plan.SweepEngine;
import io.hns.simulator.plan.SweepLoader;
import io.hns.simulator.plan.SweepRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overhead per task of the Spark engine against the local engine, in one warm JVM (no start-up,
 * JIT done): the same sweep of short runs (15 simulated minutes) alternately on each engine, best and
 * median wall time per run. Not part of the build (surefire runs *Test classes only):
 * {@code mvn -B -pl spark -am test -Dtest=OverheadBench -Dhns.bench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} (docs/spark.md).
 */
class OverheadBench {
  @TempDir Path dir;

  @Test
  void overheadPerTask() throws Exception {
    assumeTrue(Boolean.getBoolean("hns.bench"), "a benchmark: -Dhns.bench=true");
    int replications = Integer.getInteger("hns.bench.replications", 100);
    int rounds = Integer.getInteger("hns.bench.rounds", 5);
    Path sweepFile = SparkSweeps.copy(dir.resolve("sweep"));
    Files.writeString(sweepFile, "name: tiny\nbase: burst-short.yaml\ngrid:\n  policy: [vmss-only, burst]\n"
        + "  maxCount: [3, 6]\nreplications: " + replications + "\nseed: 7\n");
    PreparedSweep sweep = PreparedSweep.prepare(SweepLoader.load(sweepFile), sweepFile.getParent());
    JavaSparkContext sc = SparkSweepEngine.newContext(SparkSweeps.settings("local[2]"));
    try {
      Map<String, Supplier<SweepEngine>> engines = new LinkedHashMap<>();
      engines.put("local (2 threads)", () -> new LocalSweepEngine(2));
      engines.put("spark local[2], one run per task", () -> new SparkSweepEngine(sc, null, null));
      engines.put("spark local[2], 2 partitions", () -> new SparkSweepEngine(sc, 2, null));
      engines.put("spark local[2], 8 partitions", () -> new SparkSweepEngine(sc, 8, null));
      engines.put("spark local[2], 40 partitions", () -> new SparkSweepEngine(sc, 40, null));
      Map<String, List<Double>> msPerRun = new LinkedHashMap<>();
      int n = 0;
      for (int round = -2; round < rounds; round++) {
        for (Map.Entry<String, Supplier<SweepEngine>> e : engines.entrySet()) {
          Path out = dir.resolve("out-" + n++);
          long start = System.nanoTime();
          Planner.Result r;
          try (SweepEngine engine = e.getValue().get()) {
            r = Planner.run(sweep, engine, new SweepRunner.Options(out, false, Shard.ALL, null));
          }
          double ms = (System.nanoTime() - start) / 1e6 / r.outcome().executed();
          if (round >= 0) {
            msPerRun.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(ms);
          }
        }
      }
      int runs = 4 * replications;
      System.out.printf("overhead per task: %d runs per sweep, %d rounds after 2 of warm-up, load average %s%n", runs, rounds,
          Files.readString(Path.of("/proc/loadavg")).trim());
      double localBest = best(msPerRun.get("local (2 threads)"));
      double localMedian = median(msPerRun.get("local (2 threads)"));
      for (Map.Entry<String, List<Double>> e : msPerRun.entrySet()) {
        double b = best(e.getValue());
        double m = median(e.getValue());
        System.out.printf("  %-36s best %6.2f ms/run (%+6.2f), median %6.2f ms/run (%+6.2f)%n", e.getKey(), b, b - localBest, m,
            m - localMedian);
      }
    } finally {
      sc.stop();
    }
  }

  private static double best(List<Double> xs) {
    return xs.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
  }

  private static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
