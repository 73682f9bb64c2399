package io.hns.traces.format;

import io.hns.traces.TraceException;
import io.hns.traces.TraceInput;
import io.hns.traces.Timestamps;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV file one record at a time with its physical line number. Fields are separated by
 * commas and may be double-quoted ({@code ""} inside quotes is a quote; a quoted field may span
 * lines). LF, CRLF and a missing final newline are all fine; blank lines are skipped; a UTF-8 byte
 * order mark is dropped; fields are trimmed. Fields are kept as offsets into the line, so numbers
 * are parsed without creating strings.
 */
final class CsvLineReader implements AutoCloseable {
  private final BufferedReader in;
  private final String source;
  private long physicalLine;
  private long recordLine;
  private String line;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private boolean[] escaped = new boolean[16];
  private int size;

  CsvLineReader(TraceInput input) {
    this.source = input.name();
    this.in = new BufferedReader(new InputStreamReader(input.open(), StandardCharsets.UTF_8), 1 << 16);
  }

  /** Moves to the next record; false at the end of the file. */
  boolean next() {
    String l;
    do {
      l = readLine();
      if (l == null) {
        line = null;
        size = 0;
        return false;
      }
      if (physicalLine == 1 && !l.isEmpty() && l.charAt(0) == '\uFEFF') {
        l = l.substring(1);
      }
    } while (l.isBlank());
    recordLine = physicalLine;
    while (!split(l)) {
      String more = readLine();
      if (more == null) {
        throw TraceException.at(where(), "a quoted field is not closed before the end of the file");
      }
      l = l + "\n" + more;
    }
    line = l;
    return true;
  }

  private String readLine() {
    try {
      String l = in.readLine();
      if (l != null) {
        physicalLine++;
      }
      return l;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ":" + (physicalLine + 1) + ": " + e.getMessage(), e);
    }
  }

  /** Splits {@code l} into fields; false when a quoted field continues on the next line. */
  private boolean split(String l) {
    size = 0;
    int n = l.length();
    int p = 0;
    while (true) {
      ensure(size + 1);
      while (p < n && (l.charAt(p) == ' ' || l.charAt(p) == '\t')) p++;
      if (p < n && l.charAt(p) == '"') {
        int start = ++p;
        boolean esc = false;
        while (true) {
          if (p >= n) {
            return false;
          }
          if (l.charAt(p) == '"') {
            if (p + 1 < n && l.charAt(p + 1) == '"') {
              esc = true;
              p += 2;
              continue;
            }
            break;
          }
          p++;
        }
        starts[size] = start;
        ends[size] = p;
        escaped[size] = esc;
        size++;
        p++;
        while (p < n && (l.charAt(p) == ' ' || l.charAt(p) == '\t')) p++;
        if (p < n && l.charAt(p) != ',') {
          throw TraceException.at(source + ":" + recordLine, "unexpected text after a closing quote in field " + (size - 1));
        }
      } else {
        int start = p;
        while (p < n && l.charAt(p) != ',') p++;
        int end = p;
        while (end > start && (l.charAt(end - 1) == ' ' || l.charAt(end - 1) == '\t' || l.charAt(end - 1) == '\r')) end--;
        starts[size] = start;
        ends[size] = end;
        escaped[size] = false;
        size++;
      }
      if (p >= n) {
        return true;
      }
      p++; // the comma
    }
  }

  private void ensure(int n) {
    if (n > starts.length) {
      int cap = Math.max(n, starts.length * 2);
      starts = Arrays.copyOf(starts, cap);
      ends = Arrays.copyOf(ends, cap);
      escaped = Arrays.copyOf(escaped, cap);
    }
  }

  /** {@code file:line} of the current record (its first line). */
  String where() {
    return source + ":" + recordLine;
  }

  /** The line number of the current record's first line. */
  long lineNumber() {
    return recordLine;
  }

  /** The file's name. */
  String source() {
    return source;
  }

  /** The number of fields of the current record. */
  int size() {
    return size;
  }

  /** The current record's line text. */
  String line() {
    return line;
  }

  /** Field {@code i} (trimmed, unquoted). */
  String field(int i) {
    String s = line.substring(starts[i], ends[i]);
    return escaped[i] ? s.replace("\"\"", "\"") : s;
  }

  /** All fields of the current record. */
  List<String> fields() {
    List<String> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(field(i));
    }
    return out;
  }

  /** Start offset of field {@code i} in {@link #line()}. */
  int start(int i) {
    return starts[i];
  }

  /** End offset (exclusive) of field {@code i} in {@link #line()}. */
  int end(int i) {
    return ends[i];
  }

  /** True when field {@code i} is empty. */
  boolean isEmpty(int i) {
    return starts[i] == ends[i];
  }

  /**
   * Field {@code i} as a finite non-negative number; a {@link TraceException} naming the line and
   * {@code what} otherwise.
   */
  double nonNegative(int i, String what) {
    long whole = Timestamps.parseLong(line, starts[i], ends[i]);
    double v;
    if (whole != Timestamps.INVALID) {
      v = whole;
    } else {
      try {
        v = Double.parseDouble(field(i));
      } catch (NumberFormatException e) {
        throw TraceException.at(where(), what + " \"" + field(i) + "\" is not a number");
      }
      if (!Double.isFinite(v)) {
        throw TraceException.at(where(), what + " \"" + field(i) + "\" is not a finite number");
      }
    }
    if (v < 0) {
      throw TraceException.at(where(), what + " " + field(i) + " is negative");
    }
    return v;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": " + e.getMessage(), e);
    }
  }
}
