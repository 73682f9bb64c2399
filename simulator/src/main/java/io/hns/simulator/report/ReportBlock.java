package io.hns.simulator.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One piece of a {@link ReportSection}: a table, a chart of series over simulated time, or a Pareto
 * chart. Blocks are data; the page's script ({@code report.js}) draws them with the vendored uPlot
 * library. Each block is written into the page as JSON with a {@code type} field.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ReportBlock.Table.class, name = "table"),
  @JsonSubTypes.Type(value = ReportBlock.TimeSeries.class, name = "timeseries"),
  @JsonSubTypes.Type(value = ReportBlock.Pareto.class, name = "pareto")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ReportBlock {

  /**
   * A table. Cells are strings or numbers; numbers are shown as given (format them first when the
   * precision matters).
   *
   * @param caption shown above the table, or null
   * @param id stable identifier (the element's {@code data-table} attribute)
   */
  record Table(String id, String caption, List<String> columns, List<List<Object>> rows) implements ReportBlock {
    public Table {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
    }
  }

  /** How a series is drawn. */
  enum Style {
    /** Straight segments between samples. */
    LINE,
    /** Steps that hold the value until the next sample (counts). */
    STEP,
    /** Dashed straight segments (a reference). */
    DASH,
    /** Dashed steps (a target count, such as desired replicas). */
    DASH_STEP,
    /** Straight segments with the area below filled. */
    AREA
  }

  /**
   * One line of a {@link TimeSeries}: a value per x; null for a gap.
   *
   * @param color a CSS colour
   */
  record Series(String label, String color, Style style, List<Double> values) {
    public Series {
      values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
  }

  /** A vertical line at {@code x} (seconds) with a short label, e.g. a scale-up. */
  record Marker(double x, String label) {}

  /**
   * Series over simulated time.
   *
   * @param id stable identifier (the chart element's {@code data-chart} attribute)
   * @param x sample times in seconds from the start, ascending
   * @param markers vertical lines, may be empty
   * @param note a sentence under the chart, or null
   */
  record TimeSeries(String id, String title, String yLabel, List<Double> x, List<Series> series,
      List<Marker> markers, String note) implements ReportBlock {
    public TimeSeries {
      x = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(x));
      series = List.copyOf(series);
      markers = List.copyOf(markers);
      for (Series s : series) {
        if (s.values().size() != x.size()) {
          throw new IllegalArgumentException("series " + s.label() + " has " + s.values().size()
              + " values for " + x.size() + " times");
        }
      }
    }
  }

  /**
   * Cost against an SLO metric for the points of a sweep, with confidence intervals as whiskers,
   * the Pareto front as a line and the recommended point highlighted; a table of the points
   * follows the chart.
   *
   * @param id stable identifier (the chart element's {@code data-chart} attribute)
   * @param xLabel the cost axis, e.g. "cost (USD)"
   * @param yLabel the metric axis, e.g. "p95 pod start (s)"
   * @param note a sentence under the chart (e.g. the recommendation), or null
   */
  record Pareto(String id, String title, String xLabel, String yLabel, List<ParetoPoint> points, String note)
      implements ReportBlock {
    public Pareto {
      points = List.copyOf(points);
    }
  }
}
