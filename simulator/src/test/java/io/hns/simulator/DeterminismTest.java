package io.hns.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.simulator.output.RunWriter;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Same scenario, same seed: the same files byte for byte (summary.json minus wall time). */
class DeterminismTest {
  @TempDir Path dir;

  @Test
  void sameSeedGivesIdenticalFiles() throws Exception {
    CompiledScenario s = ScenarioCompiler.load(ScenarioSource.of("builtin:seed"));
    RunWriter.write(dir.resolve("a"), Simulation.run(s, Simulation.Options.quiet()));
    RunWriter.write(dir.resolve("b"), Simulation.run(s, Simulation.Options.quiet()));
    for (String f : List.of("timeline.csv", "pods.csv", "nodes.csv", "events.jsonl")) {
      assertThat(Files.readString(dir.resolve("a").resolve(f))).as(f).isEqualTo(Files.readString(dir.resolve("b").resolve(f)));
    }
  }

  @Test
  void anotherSeedDrawsOtherAciLatencies() {
    CompiledScenario s = ScenarioCompiler.load(ScenarioSource.of("builtin:seed"));
    var a = Simulation.run(s, new Simulation.Options(1L, 0, null, null));
    var b = Simulation.run(s, new Simulation.Options(2L, 0, null, null));
    assertThat(a.pods().stream().map(p -> p.running()).toList())
        .isNotEqualTo(b.pods().stream().map(p -> p.running()).toList());
  }
}
