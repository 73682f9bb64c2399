package io.hns.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's runner travels as data (for engines whose executors are other JVMs): serialized, it
 * carries the sweep, the base scenario, its manifest and its (gzipped) trace, and runs the same
 * after every file is gone.
 */
class PreparedSweepShippingTest {
  @TempDir Path dir;

  @Test
  void theRunnerShipsTheSweepAndEveryFileTheBaseNames() throws Exception {
    Files.copy(TestSweeps.SCENARIOS.resolve("web.yaml"), dir.resolve("web.yaml"));
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("rate.csv.gz")))) {
      out.write(("time,rps\n2024-01-01 00:00:00,100\n2024-01-01 00:05:00,900\n2024-01-01 00:10:00,900\n"
          + "2024-01-01 00:15:00,100\n").getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(dir.resolve("base.yaml"), "name: shipped\nduration: 20m\npolicy: burst\nseed: 2\n"
        + "cluster:\n  nodePools:\n    - {name: userpool, vmSize: Standard_D4s_v3, count: 2, minCount: 2, maxCount: 6}\n"
        + "  autoscaler: {enabled: true}\n"
        + "manifests:\n  - file: web.yaml\n"
        + "load:\n  workload: web\n  podCapacity: 50\n  trace: {file: rate.csv.gz, format: rate-csv, valueKind: rate}\n");
    Path sweepFile = dir.resolve("sweep.yaml");
    Files.writeString(sweepFile, "name: shipped\nbase: base.yaml\ngrid:\n  policy: [vmss-only, burst]\nreplications: 2\n");
    PreparedSweep prepared = TestSweeps.prepare(sweepFile);
    TaskRunner here = prepared.runner();
    RunRecord expected = here.run(new RunTask(2, 1));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(here);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    TaskRunner there;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      there = (TaskRunner) in.readObject();
    }
    assertThat(there).isNotSameAs(here);
    assertThat(there.run(new RunTask(2, 1))).isEqualTo(expected);
    assertThat(there.run(new RunTask(1, 0))).isEqualTo(here.run(new RunTask(1, 0)));
    assertThat(expected.metric(Metric.PODS_CREATED)).isGreaterThan(4);
  }
}
