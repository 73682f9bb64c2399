package io.hns.traces.format;

import io.hns.traces.ReaderOptions;
import io.hns.traces.TimeFormat;
import io.hns.traces.TraceException;
import io.hns.traces.TraceInfo;
import io.hns.traces.TraceInput;
import io.hns.traces.TracePoint;
import io.hns.traces.ValueKind;
import java.util.List;
import java.util.Locale;

/**
 * {@code rate-csv}: any CSV with a header line, one row per interval, a time column and a value
 * column ({@code time-col}, {@code value-col}: a header name or a 0-based index; defaults: the first
 * two columns).
 *
 * <ul>
 *   <li>Time: epoch seconds or milliseconds (told apart by magnitude, or {@code time-format}), ISO-8601,
 *       or {@code yyyy-MM-dd HH:mm:ss[.fraction]}; no zone means UTC. Times must strictly increase.
 *   <li>Value: a rate per second or a count per interval ({@code value-kind}). By default a count
 *       when the value column's header contains "count" ({@code period,count} files of requests per
 *       minute read as they are), a rate otherwise.
 *   <li>Resolution: {@code resolution}, or the smallest step between the rows read ahead (the first
 *       64 with a value, and the empty-valued rows among them).
 *   <li>An empty value cell is a missing interval (a gap); any other malformed cell is an error
 *       naming the file and line.
 * </ul>
 */
public final class RateCsvReader extends AbstractTraceReader {
  /** How many rows are read ahead to find the resolution. */
  static final int RESOLUTION_SAMPLE = 64;
  /** The resolution of a one-row file without the {@code resolution} option. */
  static final long FALLBACK_RESOLUTION_MS = 60_000;

  private final CsvLineReader csv;
  private final int timeCol;
  private final int valueCol;
  private final String valueName;
  private final TimeFormat.Parser times;
  private final TraceInfo info;
  private long previousTime = Long.MIN_VALUE;
  private long previousLine;
  private long minRowStep = Long.MAX_VALUE;

  /** Opens {@code input} and reads its header and first rows. */
  public RateCsvReader(TraceInput input, ReaderOptions options) {
    super(input.name());
    this.csv = new CsvLineReader(input);
    try {
      if (!csv.next()) {
        throw new TraceException(input.name() + ": empty file (expected a header line such as time,rate)");
      }
      List<String> header = csv.fields();
      String where = csv.where();
      this.timeCol = Columns.resolve(header, options.timeColumn() == null ? "0" : options.timeColumn(), "time", where);
      this.valueCol = Columns.resolve(header, options.valueColumn() == null ? "1" : options.valueColumn(), "value", where);
      if (timeCol == valueCol) {
        throw TraceException.at(where, "the time and value columns are the same column (" + header.get(timeCol) + ")");
      }
      this.valueName = header.get(valueCol);
      this.times = new TimeFormat.Parser(options.timeFormat() == null ? TimeFormat.AUTO : options.timeFormat());
      ValueKind kind = options.valueKind() != null ? options.valueKind()
          : valueName.toLowerCase(Locale.ROOT).contains("count") ? ValueKind.COUNT : ValueKind.RATE;
      Long resolution = options.resolutionMs();
      if (options.resolutionMs() == null) {
        long step = smallestStep(RESOLUTION_SAMPLE, FALLBACK_RESOLUTION_MS);
        resolution = minRowStep < Long.MAX_VALUE ? Math.min(step, minRowStep) : step;
      }
      this.info = new TraceInfo(input.baseName(), input.name(), "rate-csv", kind, "requests", resolution);
    } catch (RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  /** The value column's header name. */
  public String valueColumnName() {
    return valueName;
  }

  @Override
  public TraceInfo info() {
    return info;
  }

  @Override
  protected TracePoint readPoint() {
    while (csv.next()) {
      int needed = Math.max(timeCol, valueCol) + 1;
      if (csv.size() < needed) {
        throw TraceException.at(csv.where(), "the row has " + csv.size() + " column" + (csv.size() == 1 ? "" : "s")
            + ", expected at least " + needed);
      }
      long t = times.parse(csv.line(), csv.start(timeCol), csv.end(timeCol), csv.where());
      if (t <= previousTime) {
        throw TraceException.at(csv.where(), "time \"" + csv.field(timeCol) + "\" is "
            + (t == previousTime ? "the same as" : "before") + " the previous row's (line " + previousLine
            + "); rows must be in increasing time order");
      }
      if (previousTime != Long.MIN_VALUE) {
        minRowStep = Math.min(minRowStep, t - previousTime);
      }
      previousTime = t;
      previousLine = csv.lineNumber();
      if (csv.isEmpty(valueCol)) {
        continue; // a missing interval: a gap
      }
      return new TracePoint(t, csv.nonNegative(valueCol, "value"));
    }
    return null;
  }

  @Override
  protected long pointLine() {
    return csv.lineNumber();
  }

  @Override
  protected void closeInput() {
    csv.close();
  }
}
