package io.hns.simulator.plan;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * runs.csv while a sweep runs: each finished run is appended as one line and flushed at once, so
 * that an interrupted sweep (Ctrl-C) keeps every run that finished. Rows are in completion order
 * until the sweep ends and rewrites the file sorted.
 */
final class RunLog implements AutoCloseable {
  private final Sweep sweep;
  private final BufferedWriter out;

  private RunLog(Sweep sweep, BufferedWriter out) {
    this.sweep = sweep;
    this.out = out;
  }

  /** Starts the file afresh with the runs kept from before (a resume), then appends. */
  static RunLog start(Path file, Sweep sweep, List<RunRecord> kept) {
    RunsCsv.write(file, sweep, kept);
    try {
      return new RunLog(sweep, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized void append(RunRecord r) {
    try {
      // One write of the whole line, then flush: a kill leaves at most one partial last line,
      // which RunsCsv.read drops.
      out.write(RunsCsv.line(sweep, r) + "\n");
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to runs.csv: " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
