package io.hns.simulator.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep file: strict keys with their lines, axes and metrics by name, grid expansion, defaults. */
class SweepLoaderTest {
  private static Sweep parse(String yaml) {
    return SweepLoader.parse("sweep.yaml", yaml);
  }

  @Test
  void unknownTopLevelKeyNamesTheKeyTheLineAndTheKnownKeys() {
    assertThatThrownBy(() -> parse("base: s.yaml\nreplication: 5\n"))
        .isInstanceOf(SweepException.class)
        .hasMessageContaining("sweep.yaml:2")
        .hasMessageContaining("unknown key \"replication\"")
        .hasMessageContaining("replications")
        .hasMessageContaining("stopWhen");
  }

  @Test
  void unknownKeyInsideAnSloNamesWhereItIs() {
    assertThatThrownBy(() -> parse("base: s.yaml\nslo:\n  - metric: cost_usd\n    maximum: 3\n"))
        .hasMessageContaining("sweep.yaml:4")
        .hasMessageContaining("unknown key \"maximum\" in slo")
        .hasMessageContaining("known keys: max, metric");
  }

  @Test
  void unknownAxisListsTheAxesWithItsLine() {
    assertThatThrownBy(() -> parse("base: s.yaml\ngrid:\n  policy: [burst]\n  maxNodes: [3, 4]\n"))
        .hasMessageContaining("sweep.yaml:4")
        .hasMessageContaining("grid.maxNodes: unknown axis \"maxNodes\"")
        .hasMessageContaining("policy, vmSize, count, minCount, maxCount")
        .hasMessageContaining("aciStartLatencyMedian")
        .hasMessageContaining("nodePools.NAME.FIELD, scenario.PATH");
  }

  @Test
  void unknownAxisInAFlowStylePointIsFoundToo() {
    assertThatThrownBy(() -> parse("base: s.yaml\npoints:\n  - {policy: burst}\n  - {policy: burst, nodes: 3}\n"))
        .hasMessageContaining("sweep.yaml:4")
        .hasMessageContaining("points[1].nodes: unknown axis \"nodes\"");
  }

  @Test
  void unknownMetricListsTheMetrics() {
    assertThatThrownBy(() -> parse("base: s.yaml\nslo: {metric: p95, max: 60}\n"))
        .hasMessageContaining("slo[0].metric: unknown metric \"p95\"")
        .hasMessageContaining("pod_start_p95_s")
        .hasMessageContaining("unserved_fraction");
  }

  @Test
  void wrongValueTypeNamesTheValue() {
    assertThatThrownBy(() -> parse("base: s.yaml\ngrid:\n  maxCount: [3, many]\n"))
        .hasMessageContaining("grid.maxCount[1]: expected an integer, got \"many\"");
    assertThatThrownBy(() -> parse("base: s.yaml\ngrid:\n  bootLatencyMedian: [2 minutes]\n"))
        .hasMessageContaining("grid.bootLatencyMedian[0]: expected a duration");
  }

  @Test
  void requiredAndExclusiveKeys() {
    assertThatThrownBy(() -> parse("replications: 3\n")).hasMessageContaining("sweep.yaml: base: is required");
    assertThatThrownBy(() -> parse("base: s.yaml\ngrid: {policy: [burst]}\npoints: [{policy: burst}]\n"))
        .hasMessageContaining("grid: give grid or points, not both");
    assertThatThrownBy(() -> parse("base: s.yaml\nstopWhen: {metric: cost_usd}\n"))
        .hasMessageContaining("stopWhen[0]: give exactly one of relativeHalfWidth and halfWidth");
    assertThatThrownBy(() -> parse("base: s.yaml\nreplications: 4\nstopWhen: {metric: cost_usd, halfWidth: 1, minReplications: 5}\n"))
        .hasMessageContaining("stopWhen[0].minReplications: 5 exceeds replications (4)");
    assertThatThrownBy(() -> parse("base: s.yaml\nslo: {metric: cost_usd}\n")).hasMessageContaining("slo[0].max: is required");
    assertThatThrownBy(() -> parse("base: s.yaml\nconfidence: 95\n")).hasMessageContaining("confidence: must be within (0, 1)");
  }

  @Test
  void theSeedIsNotAnAxis() {
    assertThatThrownBy(() -> parse("base: s.yaml\ngrid: {scenario.seed: [1, 2]}\n"))
        .hasMessageContaining("grid.scenario.seed")
        .hasMessageContaining("common random numbers");
  }

  @Test
  void gridIsTheCartesianProductFirstAxisSlowest() {
    Sweep s = parse("base: s.yaml\ngrid:\n  policy: [vmss-only, burst]\n  maxCount: [3, 6, 10]\n");
    assertThat(s.axes()).containsExactly("policy", "maxCount");
    assertThat(s.points()).hasSize(6);
    assertThat(s.points().stream().map(SweepPoint::label).toList()).containsExactly(
        "policy=vmss-only, maxCount=3", "policy=vmss-only, maxCount=6", "policy=vmss-only, maxCount=10",
        "policy=burst, maxCount=3", "policy=burst, maxCount=6", "policy=burst, maxCount=10");
    assertThat(s.points().stream().map(SweepPoint::id).toList()).containsExactly(1, 2, 3, 4, 5, 6);
  }

  @Test
  void aSingleValueIsAOneValueAxis() {
    Sweep s = parse("base: s.yaml\ngrid:\n  policy: burst\n  duration: [20m, 1h]\n");
    assertThat(s.points()).hasSize(2);
    assertThat(s.point(2).value("policy")).isEqualTo("burst");
    assertThat(s.point(2).value("duration")).isEqualTo("1h");
  }

  @Test
  void explicitPointsTakeTheUnionOfTheirAxesAndLeaveTheRestToTheBase() {
    Sweep s = parse("base: s.yaml\npoints:\n  - {policy: burst}\n  - {policy: vmss-only, maxCount: 8}\n");
    assertThat(s.axes()).containsExactly("policy", "maxCount");
    assertThat(s.point(1).value("maxCount")).isEmpty();
    assertThat(s.point(2).label()).isEqualTo("policy=vmss-only, maxCount=8");
  }

  @Test
  void defaults() {
    Sweep s = parse("base: builtin:seed\n");
    assertThat(s.name()).isEqualTo("sweep");
    assertThat(s.replications()).isEqualTo(10);
    assertThat(s.confidence()).isEqualTo(0.95);
    assertThat(s.objective()).isEqualTo(Metric.COST_USD);
    assertThat(s.seed()).isNull();
    assertThat(s.points()).singleElement().satisfies(p -> assertThat(p.label()).isEqualTo("base scenario"));
    assertThat(s.frontMetrics()).containsExactly(Metric.COST_USD, Metric.POD_START_P95_S);
  }

  @Test
  void stopRuleDefaultsAndSeveralSlos() {
    Sweep s = parse("base: s.yaml\nreplications: 30\nslo:\n  - {metric: pod_start_p95_s, max: 60}\n"
        + "  - {metric: unserved_fraction, max: 0.01}\nstopWhen: {metric: cost_usd, relativeHalfWidth: 0.05}\n");
    assertThat(s.slo()).containsExactly(new SloTarget(Metric.POD_START_P95_S, 60), new SloTarget(Metric.UNSERVED_FRACTION, 0.01));
    assertThat(s.stopWhen()).containsExactly(new StopRule(Metric.COST_USD, 0.05, null, 5, 5));
    assertThat(s.frontMetrics()).isEqualTo(List.of(Metric.COST_USD, Metric.POD_START_P95_S, Metric.UNSERVED_FRACTION));
  }

  @Test
  void headroomIsAcceptedWhenReadAndNamedAxesAreKnown() {
    Sweep s = parse("base: s.yaml\ngrid:\n  headroom: [0, 0.2]\n  nodePools.spot.maxCount: [5]\n  scenario.cluster.autoscaler.scanInterval: [10s]\n");
    assertThat(s.points()).hasSize(2);
    assertThatThrownBy(() -> parse("base: s.yaml\ngrid: {nodePools.spot.speed: [1]}\n"))
        .hasMessageContaining("nodePools.NAME.FIELD with FIELD one of vmSize, count, minCount, maxCount, maxPods, bootLatencyMedian");
  }
}
