package io.hns.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hns.simulator.plan.LocalSweepEngine;
import io.hns.simulator.plan.Planner;
import io.hns.simulator.plan.PreparedSweep;
import io.hns.simulator.plan.Shard;
import io.hns.simulator.plan.SweepEngine;
import io.hns.simulator.plan.SweepLoader;
import io.hns.simulator.plan.SweepRunner;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar as spark-submit runs it (after package): a JVM with Spark's jars and the job
 * jar on the class path, the main class from its manifest's {@code Main-Class}, {@code --master
 * local[2]}. The engine comes through the CLI's --engine and ServiceLoader, the relocated Jackson,
 * SnakeYAML, Guava and fabric8 classes read the sweep, and the files are the local engine's.
 */
class JobJarIT {
  @TempDir Path dir;

  @Test
  void theJobJarRunsASweepOnSparkWithTheLocalEnginesFiles() throws Exception {
    // Set by the job-jar execution after package; absent when the IT is picked by hand (-Dtest) before.
    assumeTrue(System.getProperty("hns.jobJar") != null, "runs in the integration-test phase");
    Path jobJar = Path.of(System.getProperty("hns.jobJar"));
    assertThat(jobJar).exists();
    Path sweepFile = SparkSweeps.copy(dir.resolve("sweep"));

    Path local = dir.resolve("local");
    PreparedSweep sweep = PreparedSweep.prepare(SweepLoader.load(sweepFile), sweepFile.getParent());
    try (SweepEngine engine = new LocalSweepEngine(2)) {
      Planner.run(sweep, engine, new SweepRunner.Options(local, false, Shard.ALL, null));
    }

    // Spark and the libraries, as a Spark distribution's jars/ would be; none of the hns modules.
    List<String> classPath = new ArrayList<>(List.of(jobJar.toString()));
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(e);
      if (Files.isRegularFile(p) && !p.getFileName().toString().startsWith("hns-")) {
        classPath.add(e);
      }
    }
    Path out = dir.resolve("spark");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(System.getProperty("hns.sparkJvmOptions").trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp", String.join(File.pathSeparator, classPath), "io.hns.spark.SparkPlanJob",
        sweepFile.toString(), "--master", "local[2]", "--out", out.toString(), "--quiet"));
    SparkSweeps.CONF.forEach((k, v) -> command.addAll(List.of("--conf", k + "=" + v)));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("job.out").toFile())
        .redirectError(dir.resolve("job.err").toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process job = pb.start();
    if (!job.waitFor(3, TimeUnit.MINUTES)) {
      job.destroyForcibly();
      throw new AssertionError("the job jar did not finish in 3 minutes");
    }
    assertThat(job.exitValue()).as(Files.readString(dir.resolve("job.err"))).isEqualTo(0);
    assertThat(Files.readString(dir.resolve("job.out"))).contains("on spark (local[2,3])", "Recommended: point");
    for (String f : SparkSweeps.FILES) {
      assertThat(Files.readString(out.resolve(f))).as(f).isEqualTo(Files.readString(local.resolve(f)));
    }
    assertThat(SparkSweeps.summaryWithoutEngine(out)).isEqualTo(SparkSweeps.summaryWithoutEngine(local));
  }
}
