package io.hns.traces;

import io.hns.traces.format.AzureFunctionsReader;
import io.hns.traces.format.RateCsvReader;
import io.hns.traces.format.RequestLogReader;
import io.hns.traces.recorded.RecordedLoadReader;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/** The trace file formats, chosen by name ({@link #named(String)}); docs/traces.md describes each. */
public enum TraceFormat {
  /** A CSV of (time, rate or count) rows: {@link RateCsvReader}. */
  RATE_CSV("rate-csv", "CSV with a header, a time column and a rate or count column",
      Set.of("time-col", "value-col", "time-format", "value-kind", "resolution"), RateCsvReader::new),
  /** The Azure Functions 2019 per-minute invocation counts: {@link AzureFunctionsReader}. */
  AZURE_FUNCTIONS("azure-functions", "Azure Functions 2019 layout: HashOwner,HashApp,HashFunction,Trigger,1..1440",
      Set.of("trigger", "app", "function", "top", "day-start"), AzureFunctionsReader::new),
  /** One row per request, counted per interval: {@link RequestLogReader}. */
  REQUEST_LOG("request-log", "one row per request with a timestamp (Azure LLM inference layout), counted per interval",
      Set.of("time-col", "time-format", "resolution", "weight-col"), RequestLogReader::new),
  /** The live adapter's recording (JSON Lines), its load series: {@link RecordedLoadReader}. */
  RECORDED("recorded", "the live adapter's recording (JSON Lines): observed load of one workload",
      Set.of("workload", "metric", "resolution"), RecordedLoadReader::new);

  private final String id;
  private final String description;
  private final Set<String> options;
  private final BiFunction<TraceInput, ReaderOptions, TraceReader> opener;

  TraceFormat(String id, String description, Set<String> options,
      BiFunction<TraceInput, ReaderOptions, TraceReader> opener) {
    this.id = id;
    this.description = description;
    this.options = options;
    this.opener = opener;
  }

  /** The name: {@code rate-csv}, {@code azure-functions}, {@code request-log}, {@code recorded}. */
  public String id() {
    return id;
  }

  /** One line on what the format is. */
  public String description() {
    return description;
  }

  /** The {@link ReaderOptions} keys this format uses. */
  public Set<String> options() {
    return options;
  }

  /** Every format's name, in declaration order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(TraceFormat::id).toList();
  }

  /** The format called {@code name} (case-insensitive); a {@link TraceException} listing the formats otherwise. */
  public static TraceFormat named(String name) {
    String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (TraceFormat f : values()) {
      if (f.id.equals(n)) {
        return f;
      }
    }
    throw new TraceException("unknown trace format \"" + name + "\" (known: " + String.join(", ", ids()) + ")");
  }

  /**
   * Opens a reader of {@code input}. Options this format does not use are an error (so that a
   * mistyped command line is not silently ignored).
   */
  public TraceReader open(TraceInput input, ReaderOptions readerOptions) {
    List<String> foreign = readerOptions.given().stream().filter(o -> !options.contains(o)).toList();
    if (!foreign.isEmpty()) {
      String uses = options.stream().sorted().map(o -> "--" + o).collect(Collectors.joining(", "));
      throw new TraceException(foreign.stream().map(o -> "--" + o).collect(Collectors.joining(", "))
          + (foreign.size() == 1 ? " does" : " do") + " not apply to format " + id + " (it takes " + uses + ")");
    }
    return opener.apply(input, readerOptions);
  }
}
