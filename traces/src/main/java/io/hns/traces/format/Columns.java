package io.hns.traces.format;

import io.hns.traces.TraceException;
import java.util.List;

/** Finds a column by header name (exact, then case-insensitive) or by 0-based index. */
final class Columns {
  private Columns() {}

  /** The index of column {@code spec} in {@code header}; {@code role} ("time", "value", ...) for messages. */
  static int resolve(List<String> header, String spec, String role, String where) {
    String s = spec.trim();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals(s)) {
        return i;
      }
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(s)) {
        return i;
      }
    }
    if (s.matches("\\d{1,9}")) {
      int i = Integer.parseInt(s);
      if (i < header.size()) {
        return i;
      }
      throw TraceException.at(where, role + " column " + i + " is out of range: the header has " + header.size()
          + " columns (" + String.join(", ", header) + "); indexes start at 0");
    }
    throw TraceException.at(where, "no " + role + " column \"" + s + "\" (columns: " + String.join(", ", header) + ")");
  }
}
