package io.hns.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.output.TimelineRow;
import io.hns.simulator.report.ReportBlock.Series;
import io.hns.simulator.report.ReportBlock.Style;
import io.hns.simulator.report.ReportBlock.TimeSeries;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report page as text: self-contained, data embedded safely, sections as designed. */
class HtmlReportTest {
  static RunResult seed;

  @TempDir Path dir;

  @BeforeAll
  static void runSeed() {
    seed = Simulation.run(ScenarioCompiler.load(ScenarioSource.of("builtin:seed")), Simulation.Options.quiet());
  }

  @Test
  void pageInlinesTheLibraryAndNeedsNoNetwork() throws Exception {
    Path file = RunReport.of(seed).write(dir);
    assertThat(file).isEqualTo(dir.resolve("report.html"));
    String html = Files.readString(file);
    assertThat(html).startsWith("<!DOCTYPE html>")
        .contains("<title>hns report: seed</title>", "var uPlot", "Leon Sorokin", "\"sections\":")
        .doesNotContain("{{")
        // Nothing loaded from elsewhere: no external scripts, stylesheets, images or fonts.
        .doesNotContainPattern("(?i)<script[^>]+src=")
        .doesNotContainPattern("(?i)<link[^>]+href=")
        .doesNotContainPattern("(?i)<img")
        .doesNotContainPattern("(?i)url\\(\\s*['\"]?https?:")
        .doesNotContainPattern("(?i)@import");
  }

  @Test
  void runSectionsAreTheSummaryAndTheTimelineCharts() {
    List<ReportSection> sections = RunReport.sections(seed);
    assertThat(sections).extracting(ReportSection::id).containsExactly("summary", "timeline");
    assertThat(sections.get(0).blocks()).extracting(b -> ((ReportBlock.Table) b).id())
        .containsExactly("summary", "pod-start-latency", "events-by-reason");
    ReportBlock.Table latency = (ReportBlock.Table) sections.get(0).blocks().get(1);
    assertThat(latency.columns()).containsExactly("", "count", "min", "p50", "p90", "p95", "p99", "max", "mean");
    // The seed: 18 pods started on the virtual node (summary.json says the same).
    assertThat(latency.rows().get(1)).startsWith("start on the virtual node (created→Ready)", 18);
    List<TimeSeries> charts = sections.get(1).blocks().stream().map(TimeSeries.class::cast).toList();
    assertThat(charts).extracting(TimeSeries::id).containsExactly("load", "replicas", "pending", "nodes", "cost");
    TimeSeries replicas = charts.get(1);
    assertThat(replicas.series()).extracting(Series::label)
        .containsExactly("desired", "Ready on VM nodes", "Ready on the virtual node");
    // nginx-vn scaled 0 -> 1 -> 20 -> 2, helloworld-vn 0 -> 1: four marked moments.
    assertThat(replicas.markers()).extracting(ReportBlock.Marker::label)
        .containsExactly("helloworld-vn 0→1", "nginx-vn 0→1", "nginx-vn 1→20", "nginx-vn 20→2");
    assertThat(replicas.x()).hasSize(seed.timeline().size());
    double peakVirtual = replicas.series().get(2).values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertThat(peakVirtual).isEqualTo(17.0);
  }

  @Test
  void dataCannotCloseItsScriptElement() {
    ReportSection evil = ReportSection.builder("x", "</script><script>alert(1)</script>")
        .add(new ReportBlock.Table("t", "<b>", List.of("a"), List.of(List.of("</script>"))))
        .build();
    String html = new HtmlReport("a <title> & more", null).add(evil).render();
    assertThat(html).contains("<title>a &lt;title&gt; &amp; more</title>")
        .contains("\\u003c/script>\\u003cscript>alert(1)\\u003c/script>");
    String data = html.substring(html.indexOf("id=\"report-data\">"), html.indexOf("</script>", html.indexOf("id=\"report-data\">")));
    assertThat(data).doesNotContain("<b>").contains("\\u003cb>");
  }

  @Test
  void templateIsFilledInOnePass() {
    assertThat(HtmlReport.fill("a {{X}} b {{Y}}", Map.of("X", "{{Y}}", "Y", "y"))).isEqualTo("a {{Y}} b y");
    assertThatThrownBy(() -> HtmlReport.fill("{{NOPE}}", Map.of())).hasMessageContaining("{{NOPE}}");
  }

  @Test
  void seriesMustMatchTheTimes() {
    assertThatThrownBy(() -> new TimeSeries("c", "t", "y", List.of(0.0, 1.0),
        List.of(new Series("s", "#000000", Style.LINE, List.of(1.0))), List.of(), null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("series s has 1 values for 2 times");
  }

  @Test
  void longTimelinesAreThinnedButKeepTheirLastSample() {
    List<TimelineRow> rows = new ArrayList<>();
    for (int i = 0; i < RunReport.MAX_POINTS * 3 + 1; i++) {
      rows.add(new TimelineRow(i * 1000L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    }
    List<TimelineRow> kept = RunReport.sampled(rows);
    assertThat(kept.size()).isLessThanOrEqualTo(RunReport.MAX_POINTS + 1);
    assertThat(kept.get(0)).isSameAs(rows.get(0));
    assertThat(kept.get(kept.size() - 1)).isSameAs(rows.get(rows.size() - 1));
    assertThat(RunReport.sampled(rows.subList(0, 10))).hasSize(10);
  }

  @Test
  void paretoFrontAndRecommendation() {
    List<ParetoPoint> points = List.of(
        ParetoPoint.withIntervals("a", 10, 9, 11, 50, 40, 60),
        ParetoPoint.withIntervals("b", 20, 18, 22, 20, 15, 25),
        ParetoPoint.withIntervals("c", 25, 24, 26, 30, 28, 32), // dominated by b
        ParetoPoint.withIntervals("d", 40, 38, 42, 5, 4, 6));
    List<ParetoPoint> marked = ParetoPoint.markFront(points);
    assertThat(marked).extracting(ParetoPoint::label).containsExactly("a", "b", "c", "d");
    assertThat(marked).extracting(ParetoPoint::front).containsExactly(true, true, false, true);
    // SLO 26: b's mean (20) and upper bound (25) meet it; c's too but b is cheaper.
    assertThat(ParetoPoint.cheapestMeeting(marked, 26).label()).isEqualTo("b");
    // SLO 22: b's upper bound (25) misses it; d is the cheapest that surely meets it.
    assertThat(ParetoPoint.cheapestMeeting(marked, 22).label()).isEqualTo("d");
    assertThat(ParetoPoint.cheapestMeeting(marked, 1)).isNull();

    ReportSection section = ParetoSection.of("sweep", "Cost against p95 pod start", "cost (USD)", "p95 start (s)",
        points, "b is the cheapest point meeting p95 < 26 s");
    ReportBlock.Pareto chart = (ReportBlock.Pareto) section.blocks().get(0);
    assertThat(chart.points()).extracting(ParetoPoint::front).containsExactly(true, true, false, true);
    ReportBlock.Table table = (ReportBlock.Table) section.blocks().get(1);
    assertThat(table.rows().get(0)).containsExactly("a", "10.00", "[9.000, 11.00]", "50.00", "[40.00, 60.00]", "yes", "");
  }
}
