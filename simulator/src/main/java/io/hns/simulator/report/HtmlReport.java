package io.hns.simulator.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained {@code report.html}: a page template, the vendored uPlot library and its
 * stylesheet, the page's own script and stylesheet, and the report's sections as JSON, all inline,
 * so that the file opens with no network. The page's script draws every block and then sets
 * {@code <body data-rendered="true">} (or {@code data-render-error} with the message).
 *
 * <p>Sections come from {@link RunReport} for a run; sweeps and replays add theirs with
 * {@link #add}.
 */
public final class HtmlReport {
  /** The file written into the output directory. */
  public static final String FILE_NAME = "report.html";
  /** The charting library inlined into every report (see resources .../report/vendor/README.md). */
  public static final String LIBRARY = "uPlot 1.6.32";

  private static final String RESOURCES = "/io/hns/simulator/report/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String title;
  private final String subtitle;
  private final List<ReportSection> sections = new ArrayList<>();

  /**
   * @param title the page's title and heading
   * @param subtitle a line under the heading, or null
   */
  public HtmlReport(String title, String subtitle) {
    this.title = title;
    this.subtitle = subtitle;
  }

  public HtmlReport add(ReportSection section) {
    sections.add(section);
    return this;
  }

  public HtmlReport addAll(List<ReportSection> more) {
    sections.addAll(more);
    return this;
  }

  public List<ReportSection> sections() {
    return List.copyOf(sections);
  }

  /** The page as one string. */
  public String render() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("TITLE", escapeHtml(title));
    values.put("UPLOT_LICENSE", resource("vendor/uPlot.LICENSE").replace("--", "- -"));
    values.put("UPLOT_CSS", resource("vendor/uPlot.min.css"));
    values.put("REPORT_CSS", resource("report.css"));
    values.put("UPLOT_JS", resource("vendor/uPlot.iife.min.js"));
    values.put("REPORT_JS", resource("report.js"));
    values.put("DATA", dataJson());
    return fill(resource("report.html"), values);
  }

  /** Writes {@value #FILE_NAME} into {@code dir} (created if needed) and returns its path. */
  public Path write(Path dir) {
    Path file = dir.resolve(FILE_NAME);
    try {
      Files.createDirectories(dir);
      Files.writeString(file, render(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The report's content as JSON, safe inside a {@code <script>} element. */
  String dataJson() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", title);
    if (subtitle != null) {
      data.put("subtitle", subtitle);
    }
    data.put("generator", "hns report (charts: " + LIBRARY + ")");
    data.put("sections", sections);
    try {
      // '<' only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the element.
      return JSON.writeValueAsString(data).replace("<", "\\u003c");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report data not serialisable: " + e.getMessage(), e);
    }
  }

  /**
   * Replaces each {@code {{NAME}}} of the template in one pass: inserted text is never scanned
   * again, so the library's own braces stay as they are.
   */
  static String fill(String template, Map<String, String> values) {
    StringBuilder out = new StringBuilder(template.length() + values.values().stream().mapToInt(String::length).sum());
    int at = 0;
    while (true) {
      int open = template.indexOf("{{", at);
      if (open < 0) {
        break;
      }
      int close = template.indexOf("}}", open + 2);
      if (close < 0) {
        break;
      }
      String name = template.substring(open + 2, close);
      String value = values.get(name);
      if (value == null) {
        throw new IllegalStateException("report template has no value for {{" + name + "}}");
      }
      out.append(template, at, open).append(value);
      at = close + 2;
    }
    return out.append(template, at, template.length()).toString();
  }

  static String escapeHtml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("missing report resource " + RESOURCES + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
