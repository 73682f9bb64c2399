package io.hns.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scenario files give one clear message naming the file, the key and (for syntax) the line. */
class ScenarioErrorsTest {
  @TempDir Path dir;

  private CompiledScenario load(String yaml) throws Exception {
    Path f = dir.resolve("scn.yaml");
    Files.writeString(f, yaml);
    return ScenarioCompiler.load(ScenarioSource.of(f.toString()));
  }

  @Test
  void unknownKeyNamesTheKeyTheLineAndTheKnownKeys() {
    assertThatThrownBy(() -> load("duration: 1m\ncluster:\n  nodePools:\n    - name: pool\n      vmsize: Standard_D2s_v3\n"))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("scn.yaml:5")
        .hasMessageContaining("unknown key \"vmsize\"")
        .hasMessageContaining("vmSize");
  }

  @Test
  void impossiblePoolSizeNamesTheKey() {
    assertThatThrownBy(() -> load("duration: 1m\ncluster:\n  nodePools:\n    - {name: pool, count: 1, maxCount: 2000}\n"))
        .hasMessageContaining("cluster.nodePools[0].maxCount: 2000 exceeds the AKS pool limit of 1000");
  }

  @Test
  void badDurationNamesTheKey() {
    assertThatThrownBy(() -> load("duration: 10 minutes\n"))
        .hasMessageContaining("duration")
        .hasMessageContaining("is not a duration");
  }

  @Test
  void missingDurationIsRequired() {
    assertThatThrownBy(() -> load("name: x\n")).hasMessageContaining("duration: is required");
  }

  @Test
  void unknownVmSizeListsTheKnownOnes() {
    assertThatThrownBy(() -> load("duration: 1m\ncluster:\n  nodePools:\n    - {name: pool, vmSize: Standard_Z9}\n"))
        .hasMessageContaining("unknown VM size \"Standard_Z9\"")
        .hasMessageContaining("Standard_DS2_v2");
  }

  @Test
  void actionOnAnUnknownWorkload() {
    assertThatThrownBy(() -> load("duration: 1m\nactions:\n  - {at: 10s, scale: web, replicas: 3}\n"))
        .hasMessageContaining("actions[0]: no manifest object named \"web\"");
  }

  @Test
  void malformedYamlGivesTheLine() {
    assertThatThrownBy(() -> load("duration: 1m\nname: 'unclosed\nseed: 2\n"))
        .hasMessageContaining("scn.yaml:")
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void missingManifestFileIsNamed() {
    assertThatThrownBy(() -> load("duration: 1m\nmanifests:\n  - file: nope.yaml\n"))
        .hasMessageContaining("nope.yaml: no such file");
  }

  @Test
  void latencyP90MustExceedMedian() {
    assertThatThrownBy(() -> load("duration: 1m\ncluster:\n  nodePools:\n    - name: pool\n      bootLatency: {median: 60s, p90: 30s}\n"))
        .hasMessageContaining("cluster.nodePools[0].bootLatency.p90: must exceed the median");
  }
}
