package io.hns.traces.format;

import io.hns.traces.ReaderOptions;
import io.hns.traces.TimeFormat;
import io.hns.traces.TraceException;
import io.hns.traces.TraceInfo;
import io.hns.traces.TraceInput;
import io.hns.traces.TracePoint;
import io.hns.traces.ValueKind;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code request-log}: one row per request with its timestamp, such as the Azure LLM inference
 * dataset ({@code TIMESTAMP,ContextTokens,GeneratedTokens} with {@code 2023-11-16 18:17:03.9799600}
 * timestamps), counted into intervals of {@code resolution} (default 1 minute) aligned to the epoch
 * (so 1-minute bins are clock minutes). The trace is a count per interval: of requests, or with
 * {@code weight-col} the sum of those columns over the interval's requests (tokens as work).
 *
 * <p>The time column is {@code time-col} (default the first column), written as in
 * {@code rate-csv} ({@code time-format}). Rows must be sorted by time (equal times are fine); an
 * earlier time is an error naming the line. Intervals without requests between the first and the
 * last are zeros, not gaps (the file has no gaps by construction); the first and last intervals are
 * usually partial. Streaming: one interval is held at a time.
 */
public final class RequestLogReader extends AbstractTraceReader {
  /** The bin width without the {@code resolution} option. */
  public static final long DEFAULT_RESOLUTION_MS = 60_000;

  private static final long NONE = Long.MIN_VALUE;

  private final CsvLineReader csv;
  private final int timeCol;
  private final int[] weightCols;
  private final long resolution;
  private final TimeFormat.Parser times;
  private final TraceInfo info;
  private long previousTime = Long.MIN_VALUE;
  private long previousLine;
  private long openBin = NONE;
  private double openValue;
  private long zerosFrom;
  private long zerosTo;
  private long line;
  private boolean eof;

  /** Opens {@code input} and reads its header. */
  public RequestLogReader(TraceInput input, ReaderOptions options) {
    super(input.name());
    this.csv = new CsvLineReader(input);
    try {
      if (!csv.next()) {
        throw new TraceException(input.name() + ": empty file (expected a header line such as TIMESTAMP,ContextTokens,GeneratedTokens)");
      }
      List<String> header = csv.fields();
      String where = csv.where();
      this.timeCol = Columns.resolve(header, options.timeColumn() == null ? "0" : options.timeColumn(), "time", where);
      List<String> weights = options.weightColumns();
      this.weightCols = new int[weights.size()];
      List<String> names = new ArrayList<>();
      for (int i = 0; i < weightCols.length; i++) {
        weightCols[i] = Columns.resolve(header, weights.get(i), "weight", where);
        if (weightCols[i] == timeCol) {
          throw TraceException.at(where, "the weight column " + header.get(timeCol) + " is the time column");
        }
        names.add(header.get(weightCols[i]));
      }
      this.resolution = options.resolutionMs() == null ? DEFAULT_RESOLUTION_MS : options.resolutionMs();
      this.times = new TimeFormat.Parser(options.timeFormat() == null ? TimeFormat.AUTO : options.timeFormat());
      String unit = names.isEmpty() ? "requests" : String.join("+", names);
      this.info = new TraceInfo(input.baseName(), input.name(), "request-log", ValueKind.COUNT, unit, resolution);
    } catch (RuntimeException e) {
      csv.close();
      throw e;
    }
  }

  @Override
  public TraceInfo info() {
    return info;
  }

  @Override
  protected TracePoint readPoint() {
    if (zerosFrom < zerosTo) {
      TracePoint zero = new TracePoint(zerosFrom, 0);
      zerosFrom += resolution;
      return zero;
    }
    while (!eof) {
      if (!csv.next()) {
        eof = true;
        break;
      }
      line = csv.lineNumber();
      int needed = timeCol + 1;
      for (int c : weightCols) {
        needed = Math.max(needed, c + 1);
      }
      if (csv.size() < needed) {
        throw TraceException.at(csv.where(), "the row has " + csv.size() + " column" + (csv.size() == 1 ? "" : "s")
            + ", expected at least " + needed);
      }
      long t = times.parse(csv.line(), csv.start(timeCol), csv.end(timeCol), csv.where());
      if (t < previousTime) {
        throw TraceException.at(csv.where(), "time \"" + csv.field(timeCol) + "\" is before the previous row's (line "
            + previousLine + "); a request log must be sorted by time");
      }
      previousTime = t;
      previousLine = line;
      double w = 1;
      if (weightCols.length > 0) {
        w = 0;
        for (int c : weightCols) {
          w += csv.nonNegative(c, "weight");
        }
      }
      long bin = Math.floorDiv(t, resolution) * resolution;
      if (openBin == NONE) {
        openBin = bin;
        openValue = w;
      } else if (bin == openBin) {
        openValue += w;
      } else {
        TracePoint done = new TracePoint(openBin, openValue);
        zerosFrom = openBin + resolution;
        zerosTo = bin;
        openBin = bin;
        openValue = w;
        return done;
      }
    }
    if (openBin != NONE) {
      TracePoint last = new TracePoint(openBin, openValue);
      openBin = NONE;
      return last;
    }
    return null;
  }

  @Override
  protected long pointLine() {
    return line;
  }

  @Override
  protected void closeInput() {
    csv.close();
  }
}
