package io.hns.spark;

import io.hns.cli.Hns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The job jar's main class, for spark-submit: {@code hns plan} with {@code --engine spark}, so
 * {@code spark-submit ... hns-spark-job.jar SWEEP.yaml --out DIR} runs the sweep on the cluster the
 * submit names (docs/spark.md). {@code merge DIR...} works too (no Spark needed for it).
 */
public final class SparkPlanJob {
  private SparkPlanJob() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String... args) {
    List<String> a = new ArrayList<>();
    a.add("plan");
    a.addAll(Arrays.asList(args));
    boolean merge = args.length > 0 && args[0].equals("merge");
    if (!merge && !a.contains("--engine") && a.stream().noneMatch(s -> s.startsWith("--engine="))) {
      a.add("--engine");
      a.add("spark");
    }
    return Hns.commandLine().execute(a.toArray(String[]::new));
  }
}
