package io.hns.traces;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of the trace readers, one set for all formats; each format uses some of them and
 * rejects the others ({@link TraceFormat#open}). Unset options are {@code null} (or empty lists) and
 * take the format's default. Keys (as in messages and on the command line with {@code --}):
 * {@code time-col}, {@code value-col}, {@code time-format}, {@code value-kind}, {@code resolution},
 * {@code weight-col}, {@code trigger}, {@code app}, {@code function}, {@code top}, {@code day-start},
 * {@code workload}, {@code metric}.
 */
public final class ReaderOptions {
  /** No options: every format's defaults. */
  public static final ReaderOptions DEFAULTS = builder().build();

  private final String timeColumn;
  private final String valueColumn;
  private final TimeFormat timeFormat;
  private final ValueKind valueKind;
  private final Long resolutionMs;
  private final List<String> weightColumns;
  private final List<String> triggers;
  private final List<String> apps;
  private final List<String> functions;
  private final Integer top;
  private final Long dayStartMs;
  private final String workload;
  private final String metric;

  private ReaderOptions(Builder b) {
    this.timeColumn = b.timeColumn;
    this.valueColumn = b.valueColumn;
    this.timeFormat = b.timeFormat;
    this.valueKind = b.valueKind;
    this.resolutionMs = b.resolutionMs;
    this.weightColumns = List.copyOf(b.weightColumns);
    this.triggers = List.copyOf(b.triggers);
    this.apps = List.copyOf(b.apps);
    this.functions = List.copyOf(b.functions);
    this.top = b.top;
    this.dayStartMs = b.dayStartMs;
    this.workload = b.workload;
    this.metric = b.metric;
  }

  /** A builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** The time column: a header name or a 0-based index ({@code rate-csv}, {@code request-log}). */
  public String timeColumn() {
    return timeColumn;
  }

  /** The value column: a header name or a 0-based index ({@code rate-csv}). */
  public String valueColumn() {
    return valueColumn;
  }

  /** How times are written ({@code rate-csv}, {@code request-log}). */
  public TimeFormat timeFormat() {
    return timeFormat;
  }

  /** Whether values are rates per second or counts per interval ({@code rate-csv}). */
  public ValueKind valueKind() {
    return valueKind;
  }

  /** The resolution: nominal ({@code rate-csv}, {@code recorded}) or the bin width ({@code request-log}). */
  public Long resolutionMs() {
    return resolutionMs;
  }

  /** Columns whose sum weighs each request instead of 1 ({@code request-log}). */
  public List<String> weightColumns() {
    return weightColumns;
  }

  /** Triggers to keep, e.g. {@code http} ({@code azure-functions}). */
  public List<String> triggers() {
    return triggers;
  }

  /** App hashes (or prefixes) to keep ({@code azure-functions}). */
  public List<String> apps() {
    return apps;
  }

  /** Function hashes (or prefixes) to keep ({@code azure-functions}). */
  public List<String> functions() {
    return functions;
  }

  /** Keep the N functions with the most invocations ({@code azure-functions}). */
  public Integer top() {
    return top;
  }

  /** The epoch time of minute 1 ({@code azure-functions}; default 0). */
  public Long dayStartMs() {
    return dayStartMs;
  }

  /** {@code namespace/name} or {@code name} of the workload whose load to read ({@code recorded}). */
  public String workload() {
    return workload;
  }

  /** The load metric: {@code rps} or {@code cpu_millicores} ({@code recorded}). */
  public String metric() {
    return metric;
  }

  /** The keys of the options that are set. */
  public Set<String> given() {
    Set<String> s = new LinkedHashSet<>();
    if (timeColumn != null) s.add("time-col");
    if (valueColumn != null) s.add("value-col");
    if (timeFormat != null) s.add("time-format");
    if (valueKind != null) s.add("value-kind");
    if (resolutionMs != null) s.add("resolution");
    if (!weightColumns.isEmpty()) s.add("weight-col");
    if (!triggers.isEmpty()) s.add("trigger");
    if (!apps.isEmpty()) s.add("app");
    if (!functions.isEmpty()) s.add("function");
    if (top != null) s.add("top");
    if (dayStartMs != null) s.add("day-start");
    if (workload != null) s.add("workload");
    if (metric != null) s.add("metric");
    return s;
  }

  /** Sets the options one by one; {@code null} leaves an option unset. */
  public static final class Builder {
    private String timeColumn;
    private String valueColumn;
    private TimeFormat timeFormat;
    private ValueKind valueKind;
    private Long resolutionMs;
    private final List<String> weightColumns = new ArrayList<>();
    private final List<String> triggers = new ArrayList<>();
    private final List<String> apps = new ArrayList<>();
    private final List<String> functions = new ArrayList<>();
    private Integer top;
    private Long dayStartMs;
    private String workload;
    private String metric;

    private Builder() {}

    /** See {@link ReaderOptions#timeColumn()}. */
    public Builder timeColumn(String v) {
      timeColumn = v;
      return this;
    }

    /** See {@link ReaderOptions#valueColumn()}. */
    public Builder valueColumn(String v) {
      valueColumn = v;
      return this;
    }

    /** See {@link ReaderOptions#timeFormat()}. */
    public Builder timeFormat(TimeFormat v) {
      timeFormat = v;
      return this;
    }

    /** See {@link ReaderOptions#valueKind()}. */
    public Builder valueKind(ValueKind v) {
      valueKind = v;
      return this;
    }

    /** See {@link ReaderOptions#resolutionMs()}; must be positive. */
    public Builder resolutionMs(Long v) {
      if (v != null && v <= 0) {
        throw new TraceException("resolution must be positive, got " + Durations.format(v));
      }
      resolutionMs = v;
      return this;
    }

    /** See {@link ReaderOptions#weightColumns()}. */
    public Builder weightColumns(List<String> v) {
      weightColumns.clear();
      if (v != null) weightColumns.addAll(v);
      return this;
    }

    /** See {@link ReaderOptions#triggers()}. */
    public Builder triggers(List<String> v) {
      triggers.clear();
      if (v != null) triggers.addAll(v);
      return this;
    }

    /** See {@link ReaderOptions#apps()}. */
    public Builder apps(List<String> v) {
      apps.clear();
      if (v != null) apps.addAll(v);
      return this;
    }

    /** See {@link ReaderOptions#functions()}. */
    public Builder functions(List<String> v) {
      functions.clear();
      if (v != null) functions.addAll(v);
      return this;
    }

    /** See {@link ReaderOptions#top()}; must be positive. */
    public Builder top(Integer v) {
      if (v != null && v <= 0) {
        throw new TraceException("top must be positive, got " + v);
      }
      top = v;
      return this;
    }

    /** See {@link ReaderOptions#dayStartMs()}. */
    public Builder dayStartMs(Long v) {
      dayStartMs = v;
      return this;
    }

    /** See {@link ReaderOptions#workload()}. */
    public Builder workload(String v) {
      workload = v;
      return this;
    }

    /** See {@link ReaderOptions#metric()}. */
    public Builder metric(String v) {
      metric = v;
      return this;
    }

    /** The options. */
    public ReaderOptions build() {
      return new ReaderOptions(this);
    }
  }
}
