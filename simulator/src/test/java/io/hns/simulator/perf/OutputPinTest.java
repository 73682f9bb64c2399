package io.hns.simulator.perf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hns.model.policy.PolicyCatalog;
import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.RunWriter;
import io.hns.simulator.output.Summary;
import io.hns.simulator.scenario.CompiledScenario;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the outputs of a set of runs (both scheduler profiles, every hybrid policy, the cluster
 * autoscaler, HPAs, ACI) to the SHA-256 of their files as computed before the performance work of
 * issue 7 (commit 9e0c0f5): the optimisations (equivalence classes of nodes, incremental
 * autoscaler snapshots, indexes in the simulator) must not change a single byte.
 *
 * <p>A deliberate behaviour change elsewhere changes these digests too: then rerun this test, check
 * that the change is the intended one, and paste the digests it prints.
 */
class OutputPinTest {
  @TempDir Path dir;

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("seed", "builtin:seed", null, null, null),
        Arguments.of("seed-burst-backfill", "builtin:seed", "burst-backfill", null, null),
        Arguments.of("seed-overprovision-1.34", "builtin:seed", "overprovision", null, "kubernetes-1.34"),
        Arguments.of("pitfall", "../scenarios/burst-pitfall.yaml", null, null, null),
        Arguments.of("pitfall-burst-backfill", "../scenarios/burst-pitfall.yaml", "burst-backfill", null, null),
        Arguments.of("pitfall-overprovision", "../scenarios/burst-pitfall.yaml", "overprovision", null, null),
        Arguments.of("pitfall-vmss-only-1.19", "../scenarios/burst-pitfall.yaml", "vmss-only", 3L, "kubernetes-1.19"),
        Arguments.of("day-100-nodes", "../scenarios/day-100-nodes.yaml", null, null, null),
        Arguments.of("day-100-nodes-burst-backfill-1.19", "../scenarios/day-100-nodes.yaml", "burst-backfill", 7L,
            "kubernetes-1.19"));
  }

  static final Map<String, String> EXPECTED = Map.ofEntries(
      Map.entry("seed/timeline.csv", "954c21b954b41ce2"),
      Map.entry("seed/pods.csv", "343358dfd6756c25"),
      Map.entry("seed/nodes.csv", "acbcd63a13c8668c"),
      Map.entry("seed/events.jsonl", "fc21956d1ba93e9a"),
      Map.entry("seed/summary", "cfbfe923fcd97f22"),
      Map.entry("seed-burst-backfill/timeline.csv", "79a079d959a3e551"),
      Map.entry("seed-burst-backfill/pods.csv", "e3fc49dcfc5e212e"),
      Map.entry("seed-burst-backfill/nodes.csv", "acbcd63a13c8668c"),
      Map.entry("seed-burst-backfill/events.jsonl", "4817dc762b4e21ef"),
      Map.entry("seed-burst-backfill/summary", "8b0cec90b3af4d6a"),
      Map.entry("seed-overprovision-1.34/timeline.csv", "c194656397ddfc4f"),
      Map.entry("seed-overprovision-1.34/pods.csv", "d9c3ac16a08f4d19"),
      Map.entry("seed-overprovision-1.34/nodes.csv", "acbcd63a13c8668c"),
      Map.entry("seed-overprovision-1.34/events.jsonl", "0ba276f376fa5fd7"),
      Map.entry("seed-overprovision-1.34/summary", "b72fee0abc425be9"),
      Map.entry("pitfall/timeline.csv", "6ebd496097ad482c"),
      Map.entry("pitfall/pods.csv", "36f45c0306eb299e"),
      Map.entry("pitfall/nodes.csv", "4ccb213130f9828e"),
      Map.entry("pitfall/events.jsonl", "3627cca5d5e78e56"),
      Map.entry("pitfall/summary", "80b2ac87043d1d8c"),
      Map.entry("pitfall-burst-backfill/timeline.csv", "758708d91d20c4dc"),
      Map.entry("pitfall-burst-backfill/pods.csv", "d365db7dadd5b3c9"),
      Map.entry("pitfall-burst-backfill/nodes.csv", "dda35c93ebf3466b"),
      Map.entry("pitfall-burst-backfill/events.jsonl", "ecd9f807aa173a75"),
      Map.entry("pitfall-burst-backfill/summary", "0e3707e5a709daff"),
      Map.entry("pitfall-overprovision/timeline.csv", "cfb4ad7ecc6beb99"),
      Map.entry("pitfall-overprovision/pods.csv", "cfaf8bba95edde3d"),
      Map.entry("pitfall-overprovision/nodes.csv", "38c0d63a06048938"),
      Map.entry("pitfall-overprovision/events.jsonl", "678bb39406485eef"),
      Map.entry("pitfall-overprovision/summary", "0a93e3604bf59d52"),
      Map.entry("pitfall-vmss-only-1.19/timeline.csv", "3c85b6eefb6ea398"),
      Map.entry("pitfall-vmss-only-1.19/pods.csv", "969ecb1e08621e8c"),
      Map.entry("pitfall-vmss-only-1.19/nodes.csv", "106eff7f5cc762e5"),
      Map.entry("pitfall-vmss-only-1.19/events.jsonl", "4aa63f275f24f4f1"),
      Map.entry("pitfall-vmss-only-1.19/summary", "f39696308f1be1bf"),
      Map.entry("day-100-nodes/timeline.csv", "ca9c9a648f527493"),
      Map.entry("day-100-nodes/pods.csv", "f9a435bb0107bea3"),
      Map.entry("day-100-nodes/nodes.csv", "9985e344753ffbde"),
      Map.entry("day-100-nodes/events.jsonl", "9171c69c13480854"),
      Map.entry("day-100-nodes/summary", "b6f2bd118bdf5d54"),
      Map.entry("day-100-nodes-burst-backfill-1.19/timeline.csv", "cd4a6b09d59c44f9"),
      Map.entry("day-100-nodes-burst-backfill-1.19/pods.csv", "62c1c147d1ae4c9a"),
      Map.entry("day-100-nodes-burst-backfill-1.19/nodes.csv", "71f37bde99f5db83"),
      Map.entry("day-100-nodes-burst-backfill-1.19/events.jsonl", "8a57dce8a7b21073"),
      Map.entry("day-100-nodes-burst-backfill-1.19/summary", "d5d595f234c4264d"));

  @ParameterizedTest(name = "{0}")
  @MethodSource("runs")
  void outputsAreUnchanged(String id, String source, String policy, Long seed, String profile) throws Exception {
    CompiledScenario s = ScenarioCompiler.load(ScenarioSource.of(source));
    if (policy != null) {
      s = s.withPolicy(PolicyCatalog.named(policy, null));
    }
    if (profile != null) {
      s = new CompiledScenario(s.name(), s.description(), s.seed(), s.durationMs(), s.timelineStepMs(), s.policy(),
          profile, s.pools(), s.quota(), s.armThrottling(), s.virtualNode(), s.autoscaler(), s.prices(), s.kubelet(),
          s.systemPods(), s.workloads(), s.hpas(), s.disruptionBudgets(), s.loads(), s.actions());
    }
    RunResult r = Simulation.run(s, new Simulation.Options(seed, 0, null, null));
    Map<String, String> actual = digests(dir, r);
    Map<String, String> expected = new LinkedHashMap<>();
    actual.keySet().forEach(f -> {
      String e = EXPECTED.get(id + "/" + f);
      if (e != null) expected.put(f, e);
    });
    StringBuilder paste = new StringBuilder();
    actual.forEach((f, d) -> paste.append("      Map.entry(\"").append(id).append('/').append(f).append("\", \"")
        .append(d).append("\"),\n"));
    assertThat(actual).as("digests of %s; if intended, paste:%n%s", id, paste).isEqualTo(expected);
  }

  /** SHA-256 (first 16 hex digits) of each output file, summary.json without its wall-time block. */
  static Map<String, String> digests(Path dir, RunResult r) throws Exception {
    RunWriter.write(dir, r);
    Map<String, String> out = new LinkedHashMap<>();
    for (String f : new String[] {"timeline.csv", "pods.csv", "nodes.csv", "events.jsonl"}) {
      out.put(f, sha(Files.readAllBytes(dir.resolve(f))));
    }
    out.put("summary", sha(new ObjectMapper().writeValueAsBytes(Summary.deterministic(r))));
    return out;
  }

  static String sha(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16);
  }
}
