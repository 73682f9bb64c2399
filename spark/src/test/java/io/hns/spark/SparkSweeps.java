package io.hns.spark;

import io.hns.simulator.plan.PlanWriter;
import io.hns.simulator.plan.SweepEngineProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The test sweep (src/test/resources/sweep) and what the Spark tests share. */
final class SparkSweeps {
  /** Loopback only, no UI, 3 attempts per task: what every test context runs with. */
  static final Map<String, String> CONF = Map.of(
      "spark.driver.host", "127.0.0.1",
      "spark.driver.bindAddress", "127.0.0.1",
      "spark.ui.enabled", "false",
      "spark.ui.showConsoleProgress", "false",
      "spark.task.maxFailures", "3",
      "spark.app.name", "hns-spark-tests");
  static final List<String> FILES = List.of("runs.csv", PlanWriter.POINTS_CSV, PlanWriter.PARETO_CSV);

  private SparkSweeps() {}

  static SweepEngineProvider.Settings settings(String master) {
    return new SweepEngineProvider.Settings(master, null, CONF, null);
  }

  /** Copies the sweep, its base scenario and the manifest it names into {@code dir}; returns the sweep file. */
  static Path copy(Path dir) {
    try {
      Files.createDirectories(dir);
      for (String f : List.of("small.yaml", "burst-short.yaml", "web.yaml")) {
        try (InputStream in = SparkSweeps.class.getResourceAsStream("/sweep/" + f)) {
          Files.copy(in, dir.resolve(f));
        }
      }
      return dir.resolve("small.yaml");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** summary.json up to its machine-dependent engine block. */
  static String summaryWithoutEngine(Path d) throws IOException {
    String s = Files.readString(d.resolve(PlanWriter.SUMMARY_JSON));
    return s.substring(0, s.indexOf("\"engine\""));
  }
}
