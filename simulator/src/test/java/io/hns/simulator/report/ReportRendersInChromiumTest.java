package io.hns.simulator.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.simulator.Simulation;
import io.hns.simulator.output.RunResult;
import io.hns.simulator.scenario.ScenarioCompiler;
import io.hns.simulator.scenario.ScenarioSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed run's report, plus a Pareto section, drawn by headless Chromium (Debian's
 * {@code chromium}, installed by .ci/run): every chart must have drawn its canvas and the page
 * must have set {@code data-rendered="true"} with no error.
 *
 * <p>Without Chromium on the machine the test is skipped (a JUnit assumption, reported as
 * skipped), unless {@code HNS_REQUIRE_CHROMIUM=1}, which .ci/run sets: then it fails. The browser
 * may be named with {@code HNS_CHROMIUM=/path/to/chromium}.
 */
class ReportRendersInChromiumTest {
  @TempDir Path dir;

  static final List<String> CHARTS = List.of("load", "replicas", "pending", "nodes", "cost", "sweep-chart");

  @Test
  void seedReportDrawsEveryChart() throws Exception {
    Path chromium = chromium();
    RunResult seed = Simulation.run(ScenarioCompiler.load(ScenarioSource.of("builtin:seed")), Simulation.Options.quiet());
    HtmlReport report = RunReport.of(seed).add(ParetoSection.of("sweep", "Cost against p95 pod start (example points)",
        "cost (USD)", "p95 pod start (s)", List.of(
            ParetoPoint.withIntervals("vmss-only", 1.76, 1.70, 1.82, 91, 85, 97),
            ParetoPoint.withIntervals("burst", 1.22, 1.15, 1.29, 65, 55, 75),
            ParetoPoint.withIntervals("overprovision", 2.10, 2.05, 2.15, 9.5, 9, 10),
            ParetoPoint.withIntervals("aci-only", 2.60, 2.40, 2.80, 70, 60, 80))
            .stream().map(p -> p.asRecommended(p.label().equals("burst"))).toList(),
        "burst is the cheapest point meeting p95 < 80 s"));
    Path file = report.write(dir.resolve("out"));
    // A copy to open by hand: simulator/target/chromium-report/report.html.
    report.write(Path.of("target", "chromium-report"));

    String dom = dumpDom(chromium, file);

    Matcher bodyTag = Pattern.compile("<body[^>]*>").matcher(dom);
    assertThat(bodyTag.find()).as("a <body> in the DOM dump").isTrue();
    String body = bodyTag.group();
    assertThat(body).as("the page's own marker, set after every chart drew")
        .doesNotContain("data-render-error").contains("data-rendered=\"true\"")
        .contains("data-charts=\"" + CHARTS.size() + "\"");
    for (String id : CHARTS) {
      // uPlot puts its root <div class="uplot"> with a <canvas> into each chart element.
      assertThat(dom).as("chart " + id)
          .containsPattern("data-chart=\"" + id + "\"[^>]*>\\s*<div class=\"uplot[^\"]*\"");
    }
    assertThat(count(dom, "<canvas")).isEqualTo(CHARTS.size());
    assertThat(count(dom, "class=\"u-legend")).isEqualTo(CHARTS.size());
    // The tables were built too: summary, latency, events, Pareto points.
    assertThat(dom).contains("data-table=\"summary\"", "data-table=\"pod-start-latency\"",
        "data-table=\"events-by-reason\"", "data-table=\"sweep-points\"", "start on the virtual node");
  }

  private String dumpDom(Path chromium, Path file) throws Exception {
    Path profile = Files.createDirectory(dir.resolve("profile"));
    Path err = dir.resolve("chromium.err");
    List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile, "--window-size=1400,2400",
        "--virtual-time-budget=10000", "--dump-dom", file.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(nul()))
        .start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    assertThat(p.exitValue()).as("chromium's exit code; stderr: " + tail(err)).isZero();
    String dom = new String(out, StandardCharsets.UTF_8);
    assertThat(dom).as("chromium's DOM dump; stderr: " + tail(err)).isNotBlank();
    return dom;
  }

  private static File nul() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  private static String tail(Path f) {
    try {
      String s = Files.readString(f);
      return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
    } catch (Exception e) {
      return "(none)";
    }
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
    return n;
  }

  /** Chromium from HNS_CHROMIUM or the PATH; otherwise skipped, or failed when HNS_REQUIRE_CHROMIUM=1. */
  static Path chromium() {
    Optional<Path> found = find();
    String require = System.getenv("HNS_REQUIRE_CHROMIUM");
    if (found.isEmpty() && "1".equals(require)) {
      throw new AssertionError("HNS_REQUIRE_CHROMIUM=1 but no chromium on the PATH (apt-get install -y chromium)");
    }
    Assumptions.assumeTrue(found.isPresent(),
        "chromium is not installed: report rendering not checked (apt-get install -y chromium, or set HNS_CHROMIUM)");
    return found.get();
  }

  private static Optional<Path> find() {
    String explicit = System.getenv("HNS_CHROMIUM");
    if (explicit != null && !explicit.isBlank()) {
      Path p = Path.of(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String d : path.split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }
}
