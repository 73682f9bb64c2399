package io.hns.simulator.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small sweeps on the shipped burst-pitfall scenario, shortened to 15 simulated minutes (a few ms a run). */
final class TestSweeps {
  /** The repository's scenarios/ folder (tests run in simulator/). */
  static final Path SCENARIOS = Path.of("..", "scenarios").toAbsolutePath().normalize();

  private TestSweeps() {}

  /** 2 policies x 2 pool limits, 20 minutes each (the load step is at 10 minutes). */
  static Path write(Path dir, String extra) {
    String yaml = "name: small\n"
        + "base: " + SCENARIOS.resolve("burst-pitfall.yaml") + "\n"
        + "grid:\n"
        + "  policy: [vmss-only, burst]\n"
        + "  maxCount: [3, 6]\n"
        + "  duration: [15m]\n"
        + "seed: 7\n"
        + "slo: {metric: pod_start_p95_s, max: 120}\n"
        + extra;
    try {
      Files.createDirectories(dir);
      Path f = dir.resolve("small.yaml");
      Files.writeString(f, yaml);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PreparedSweep prepare(Path sweepFile) {
    return PreparedSweep.prepare(SweepLoader.load(sweepFile), sweepFile.getParent());
  }
}
