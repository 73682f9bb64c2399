package io.hns.traces.format;

import io.hns.traces.ReaderOptions;
import io.hns.traces.TraceException;
import io.hns.traces.TraceInfo;
import io.hns.traces.TraceInput;
import io.hns.traces.TracePoint;
import io.hns.traces.ValueKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

/**
 * {@code azure-functions}: the Azure Functions 2019 public dataset layout
 * ({@code invocations_per_function_md.anon.dNN.csv}): a header
 * {@code HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440} and one row per function with its
 * invocation count in each minute of one day. The trace is the per-minute sum over the selected rows
 * (a count per 1-minute interval, unit {@code invocations}); minute 1 starts at {@code day-start}
 * (default epoch 0).
 *
 * <p>Selection: {@code trigger} (e.g. {@code http}; several allowed), {@code app} and
 * {@code function} (hashes or hash prefixes; several allowed) keep the rows that match every given
 * option; {@code top} N then keeps the N rows with the most invocations over the day (ties: the
 * earlier row). Without options every row is summed. A selection that matches no row is an error.
 *
 * <p>Passes: rows are streamed and summed into one array of minutes (memory: the number of minute
 * columns, whatever the number of rows). {@code top} needs a first pass to rank the rows (memory:
 * N rows' indexes) and a second to sum them, so the input is opened twice. The summing happens when
 * the first point is asked for.
 */
public final class AzureFunctionsReader extends AbstractTraceReader {
  private static final List<String> KEYS = List.of("HashOwner", "HashApp", "HashFunction", "Trigger");
  private static final int FIRST_MINUTE = KEYS.size();

  private final TraceInput input;
  private final ReaderOptions options;
  private final int minutes;
  private final long dayStart;
  private final TraceInfo info;
  private double[] sums;
  private int nextMinute;

  /** Opens {@code input} and checks its header; the rows are read on the first {@link #hasNext()}. */
  public AzureFunctionsReader(TraceInput input, ReaderOptions options) {
    super(input.name());
    this.input = input;
    this.options = options;
    try (CsvLineReader csv = new CsvLineReader(input)) {
      this.minutes = checkHeader(csv);
    }
    this.dayStart = options.dayStartMs() == null ? 0 : options.dayStartMs();
    this.info = new TraceInfo(input.baseName(), input.name(), "azure-functions", ValueKind.COUNT, "invocations", 60_000);
  }

  private static int checkHeader(CsvLineReader csv) {
    if (!csv.next()) {
      throw new TraceException(csv.source() + ": empty file (expected the header HashOwner,HashApp,HashFunction,Trigger,1,...,1440)");
    }
    List<String> h = csv.fields();
    boolean ok = h.size() > FIRST_MINUTE;
    for (int i = 0; ok && i < FIRST_MINUTE; i++) {
      ok = h.get(i).equalsIgnoreCase(KEYS.get(i));
    }
    for (int i = FIRST_MINUTE; ok && i < h.size(); i++) {
      ok = h.get(i).equals(Integer.toString(i - FIRST_MINUTE + 1));
    }
    if (!ok) {
      String shown = csv.line().length() > 80 ? csv.line().substring(0, 80) + "..." : csv.line();
      throw TraceException.at(csv.where(), "not the Azure Functions layout: expected the header "
          + "HashOwner,HashApp,HashFunction,Trigger,1,2,...,1440, found \"" + shown + "\"");
    }
    return h.size() - FIRST_MINUTE;
  }

  @Override
  public TraceInfo info() {
    return info;
  }

  @Override
  protected TracePoint readPoint() {
    if (sums == null) {
      BitSet chosen = options.top() == null ? null : rankTop(options.top());
      sums = sum(chosen);
    }
    if (nextMinute >= minutes) {
      return null;
    }
    TracePoint p = new TracePoint(dayStart + nextMinute * 60_000L, sums[nextMinute]);
    nextMinute++;
    return p;
  }

  @Override
  protected long pointLine() {
    return 0;
  }

  @Override
  protected void closeInput() {
    // Each pass opens and closes the file itself.
  }

  private boolean matches(CsvLineReader csv) {
    return matchesAny(options.triggers(), csv, 3, true)
        && matchesAny(options.apps(), csv, 1, false)
        && matchesAny(options.functions(), csv, 2, false);
  }

  private static boolean matchesAny(List<String> wanted, CsvLineReader csv, int col, boolean exact) {
    if (wanted.isEmpty()) {
      return true;
    }
    String v = csv.field(col).toLowerCase(Locale.ROOT);
    for (String w : wanted) {
      String x = w.trim().toLowerCase(Locale.ROOT);
      if (exact ? v.equals(x) : v.startsWith(x)) {
        return true;
      }
    }
    return false;
  }

  private void checkRow(CsvLineReader csv) {
    if (csv.size() != FIRST_MINUTE + minutes) {
      throw TraceException.at(csv.where(), "the row has " + csv.size() + " columns, the header " + (FIRST_MINUTE + minutes));
    }
  }

  private double count(CsvLineReader csv, int minute) {
    return csv.nonNegative(FIRST_MINUTE + minute, "minute " + (minute + 1) + " count");
  }

  /** Pass 1 of a top-N selection: the data-row indexes of the N rows with the largest totals. */
  private BitSet rankTop(int n) {
    record Ranked(int row, double total) {}
    PriorityQueue<Ranked> best = new PriorityQueue<>((a, b) -> a.total() != b.total()
        ? Double.compare(a.total(), b.total()) : Integer.compare(b.row(), a.row()));
    try (CsvLineReader csv = new CsvLineReader(input)) {
      csv.next();
      int row = -1;
      while (csv.next()) {
        row++;
        checkRow(csv);
        if (!matches(csv)) {
          continue;
        }
        double total = 0;
        for (int m = 0; m < minutes; m++) {
          total += count(csv, m);
        }
        best.add(new Ranked(row, total));
        if (best.size() > n) {
          best.poll();
        }
      }
    }
    BitSet chosen = new BitSet();
    new ArrayList<>(best).forEach(r -> chosen.set(r.row()));
    return chosen;
  }

  /** The summing pass: per-minute sums of the matching (and, with top N, chosen) rows. */
  private double[] sum(BitSet chosen) {
    double[] out = new double[minutes];
    int selected = 0;
    try (CsvLineReader csv = new CsvLineReader(input)) {
      csv.next();
      int row = -1;
      while (csv.next()) {
        row++;
        checkRow(csv);
        if ((chosen != null && !chosen.get(row)) || !matches(csv)) {
          continue;
        }
        selected++;
        for (int m = 0; m < minutes; m++) {
          out[m] += count(csv, m);
        }
      }
    }
    if (selected == 0) {
      throw new TraceException(input.name() + ": no row matches the selection" + describeSelection());
    }
    return out;
  }

  private String describeSelection() {
    List<String> parts = new ArrayList<>();
    if (!options.triggers().isEmpty()) parts.add("trigger " + String.join("|", options.triggers()));
    if (!options.apps().isEmpty()) parts.add("app " + String.join("|", options.apps()));
    if (!options.functions().isEmpty()) parts.add("function " + String.join("|", options.functions()));
    return parts.isEmpty() ? " (the file has no rows)" : " (" + String.join(", ", parts) + ")";
  }
}
