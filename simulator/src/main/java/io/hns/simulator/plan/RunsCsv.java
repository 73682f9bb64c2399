package io.hns.simulator.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * runs.csv: one row per (point, replication): the point id, its axis values, the replication, the
 * seed and every {@link Metric}. Written a row at a time as runs finish and read back for
 * {@code --resume} and {@code plan merge}.
 */
public final class RunsCsv {
  public static final String FILE = "runs.csv";

  private RunsCsv() {}

  public static List<String> header(Sweep sweep) {
    List<String> h = new ArrayList<>();
    h.add("point");
    h.addAll(sweep.axes());
    h.add("replication");
    h.add("seed");
    h.addAll(Metric.columns());
    return h;
  }

  public static String line(Sweep sweep, RunRecord r) {
    SweepPoint p = sweep.point(r.point());
    List<String> cells = new ArrayList<>();
    cells.add(Integer.toString(r.point()));
    for (String axis : sweep.axes()) {
      cells.add(p.value(axis));
    }
    cells.add(Integer.toString(r.replication()));
    cells.add(Long.toString(r.seed()));
    for (double v : r.metrics()) {
      cells.add(PlanNumbers.format(v));
    }
    return Csv.line(cells);
  }

  /**
   * The runs in a runs.csv of this sweep. A last line without its newline is a write cut short by
   * an interruption: it is left out (that run simply runs again). Any other bad line is an error.
   */
  public static List<RunRecord> read(Path file, Sweep sweep) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    int end = text.lastIndexOf('\n');
    String[] lines = end < 0 ? new String[0] : text.substring(0, end).split("\n", -1);
    List<RunRecord> out = new ArrayList<>();
    if (lines.length == 0) {
      return out;
    }
    String expected = Csv.line(header(sweep));
    if (!lines[0].equals(expected)) {
      throw new SweepException(file + ":1: the columns are not this sweep's (expected " + expected + ")");
    }
    int axes = sweep.axes().size();
    int columns = header(sweep).size();
    for (int i = 1; i < lines.length; i++) {
      String where = file + ":" + (i + 1);
      List<String> cells = Csv.parse(lines[i]);
      if (cells.size() != columns) {
        throw new SweepException(where + ": " + cells.size() + " cells, expected " + columns);
      }
      try {
        int point = Integer.parseInt(cells.get(0));
        if (point < 1 || point > sweep.points().size()) {
          throw new SweepException(where + ": point " + point + " is not in this sweep (1 to " + sweep.points().size() + ")");
        }
        SweepPoint p = sweep.point(point);
        for (int a = 0; a < axes; a++) {
          if (!cells.get(1 + a).equals(p.value(sweep.axes().get(a)))) {
            throw new SweepException(where + ": point " + point + " has " + sweep.axes().get(a) + "=" + cells.get(1 + a)
                + " but this sweep's point " + point + " has " + p.value(sweep.axes().get(a)));
          }
        }
        int replication = Integer.parseInt(cells.get(1 + axes));
        long seed = Long.parseLong(cells.get(2 + axes));
        double[] metrics = new double[Metric.values().length];
        for (int m = 0; m < metrics.length; m++) {
          metrics[m] = PlanNumbers.parse(cells.get(3 + axes + m));
        }
        out.add(new RunRecord(point, replication, seed, metrics));
      } catch (NumberFormatException e) {
        throw new SweepException(where + ": not a number: " + e.getMessage());
      }
    }
    return out;
  }

  /** The whole file, rows in (point, replication) order: what a finished sweep leaves. */
  public static void write(Path file, Sweep sweep, List<RunRecord> rows) {
    StringBuilder b = new StringBuilder(Csv.line(header(sweep))).append('\n');
    rows.stream().sorted(RunRecord.ORDER).forEach(r -> b.append(line(sweep, r)).append('\n'));
    PlanFiles.writeAtomically(file, b.toString());
  }
}
