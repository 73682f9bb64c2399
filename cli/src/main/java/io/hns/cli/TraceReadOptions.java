package io.hns.cli;

import io.hns.traces.Durations;
import io.hns.traces.ReaderOptions;
import io.hns.traces.TimeFormat;
import io.hns.traces.Timestamps;
import io.hns.traces.Trace;
import io.hns.traces.TraceException;
import io.hns.traces.TraceFormat;
import io.hns.traces.TraceInput;
import io.hns.traces.ValueKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options that choose a trace format and configure its reader ({@code --format} and the format
 * options); a picocli mixin shared by the commands that read traces. Options of another format are
 * an error.
 */
public final class TraceReadOptions {
  @Option(names = "--format", required = true, paramLabel = "F", completionCandidates = FormatNames.class,
      description = "Trace format: ${COMPLETION-CANDIDATES} (docs/traces.md).")
  String format;

  @Option(names = "--time-col", paramLabel = "COL",
      description = "rate-csv, request-log: the time column, a header name or 0-based index (default 0).")
  String timeColumn;

  @Option(names = "--value-col", paramLabel = "COL",
      description = "rate-csv: the value column, a header name or 0-based index (default 1).")
  String valueColumn;

  @Option(names = "--time-format", paramLabel = "F",
      description = "rate-csv, request-log: auto, epoch-s, epoch-ms or iso (default auto: by the first row).")
  String timeFormat;

  @Option(names = "--value-kind", paramLabel = "K",
      description = "rate-csv: rate (per second) or count (per interval); default count when the value column's"
          + " name contains \"count\", else rate.")
  String valueKind;

  @Option(names = "--resolution", paramLabel = "DURATION",
      description = "rate-csv, recorded: the interval of each row (default: the smallest step seen);"
          + " request-log: the bin width (default 1m).")
  String resolution;

  @Option(names = "--weight-col", paramLabel = "COL",
      description = "request-log: weigh each request by this column (repeat to sum columns), e.g. tokens as work.")
  List<String> weightColumns = new ArrayList<>();

  @Option(names = "--trigger", paramLabel = "T", description = "azure-functions: keep this trigger (repeatable), e.g. http.")
  List<String> triggers = new ArrayList<>();

  @Option(names = "--app", paramLabel = "HASH", description = "azure-functions: keep this app hash or prefix (repeatable).")
  List<String> apps = new ArrayList<>();

  @Option(names = "--function", paramLabel = "HASH",
      description = "azure-functions: keep this function hash or prefix (repeatable).")
  List<String> functions = new ArrayList<>();

  @Option(names = "--top", paramLabel = "N",
      description = "azure-functions: keep the N functions with the most invocations (a first pass ranks them).")
  Integer top;

  @Option(names = "--day-start", paramLabel = "TIME",
      description = "azure-functions: the date-time of minute 1 (default 1970-01-01T00:00:00Z).")
  String dayStart;

  @Option(names = "--workload", paramLabel = "NS/NAME",
      description = "recorded: the workload whose load to read (default: the first in the file).")
  String workload;

  @Option(names = "--metric", paramLabel = "M", description = "recorded: rps (default) or cpu_millicores.")
  String metric;

  /** Picocli completion candidates for --format. */
  static final class FormatNames extends ArrayList<String> {
    private static final long serialVersionUID = 1L;

    FormatNames() {
      super(TraceFormat.ids());
    }
  }

  /** The chosen format. */
  public TraceFormat format() {
    return TraceFormat.named(format);
  }

  /** The reader options given. */
  public ReaderOptions readerOptions() {
    Long day = null;
    if (dayStart != null) {
      day = Timestamps.parseDateTime(dayStart.trim());
      if (day == Timestamps.INVALID) {
        throw new TraceException("--day-start \"" + dayStart + "\" is not a date-time (e.g. 2019-07-15 or 2019-07-15T00:00:00Z)");
      }
    }
    return ReaderOptions.builder()
        .timeColumn(timeColumn)
        .valueColumn(valueColumn)
        .timeFormat(timeFormat == null ? null : TimeFormat.named(timeFormat))
        .valueKind(valueKind == null ? null : ValueKind.named(valueKind))
        .resolutionMs(resolution == null ? null : Durations.parseMillis(resolution))
        .weightColumns(weightColumns)
        .triggers(triggers)
        .apps(apps)
        .functions(functions)
        .top(top)
        .dayStartMs(day)
        .workload(workload)
        .metric(metric)
        .build();
  }

  /** The trace in {@code file}, read with these options (nothing is read beyond the header yet). */
  public Trace read(Path file) {
    return Trace.read(format(), TraceInput.of(file), readerOptions());
  }
}
