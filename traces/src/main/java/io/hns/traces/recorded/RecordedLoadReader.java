package io.hns.traces.recorded;

import io.hns.traces.ReaderOptions;
import io.hns.traces.TraceException;
import io.hns.traces.TraceInfo;
import io.hns.traces.TraceInput;
import io.hns.traces.TracePoint;
import io.hns.traces.ValueKind;
import io.hns.traces.format.AbstractTraceReader;

/**
 * {@code recorded}: the load series of a recorded trace: the {@code load} entries of one workload
 * and one metric ({@code metric}: {@value LoadEntry#RPS}, the default, or
 * {@value LoadEntry#CPU_MILLICORES}), as a rate (requests per second, or millicores). Other entries
 * are skipped ({@link RecordedLifecycles} reads the pod and node ones).
 *
 * <p>{@code workload} ({@code namespace/name} or {@code name}) chooses the workload; without it the
 * first workload with load entries is used, and a second one is an error naming the line. The
 * resolution is {@code resolution}, else the {@code meta} entry's {@code interval_ms}, else the
 * smallest step between the first 64 samples. Sample times must strictly increase.
 */
public final class RecordedLoadReader extends AbstractTraceReader {
  private static final int RESOLUTION_SAMPLE = 64;
  private static final long FALLBACK_RESOLUTION_MS = 10_000;

  private final RecordedEntryReader entries;
  private final String metric;
  private final String wantedWorkload;
  private final TraceInfo info;
  private String workload;
  private long firstWorkloadLine;
  private Long metaInterval;
  private long previousTime = Long.MIN_VALUE;
  private long previousLine;

  /** Opens {@code input} and reads ahead to decide the resolution. */
  public RecordedLoadReader(TraceInput input, ReaderOptions options) {
    super(input.name());
    this.entries = new RecordedEntryReader(input);
    try {
      this.metric = options.metric() == null ? LoadEntry.RPS : options.metric();
      if (!metric.equals(LoadEntry.RPS) && !metric.equals(LoadEntry.CPU_MILLICORES)) {
        throw new TraceException("unknown load metric \"" + metric + "\" (known: " + LoadEntry.RPS + ", "
            + LoadEntry.CPU_MILLICORES + ")");
      }
      this.wantedWorkload = options.workload();
      long step = smallestStep(RESOLUTION_SAMPLE, FALLBACK_RESOLUTION_MS);
      long resolution = options.resolutionMs() != null ? options.resolutionMs()
          : metaInterval != null ? metaInterval : step;
      String name = input.baseName() + (workload == null ? "" : " " + workload);
      String unit = metric.equals(LoadEntry.RPS) ? "requests" : "millicore-seconds";
      this.info = new TraceInfo(name, input.name(), "recorded", ValueKind.RATE, unit, resolution);
    } catch (RuntimeException e) {
      entries.close();
      throw e;
    }
  }

  /** The workload read ({@code namespace/name}), or {@code null} before the first load entry. */
  public String workload() {
    return workload;
  }

  @Override
  public TraceInfo info() {
    return info;
  }

  @Override
  protected TracePoint readPoint() {
    while (entries.hasNext()) {
      RecordedEntry e = entries.next();
      if (e instanceof MetaEntry m && m.intervalMs() != null && metaInterval == null) {
        metaInterval = m.intervalMs();
      }
      if (!(e instanceof LoadEntry l) || !l.metric().equals(metric) || !selected(l)) {
        continue;
      }
      if (l.timeMs() <= previousTime) {
        throw TraceException.at(entries.where(), "load sample at " + io.hns.traces.Timestamps.format(l.timeMs()) + " is "
            + (l.timeMs() == previousTime ? "at the same time as" : "before") + " the previous one (line "
            + previousLine + "); samples of one workload must be in increasing time order");
      }
      previousTime = l.timeMs();
      previousLine = entries.line();
      return new TracePoint(l.timeMs(), l.value());
    }
    return null;
  }

  private boolean selected(LoadEntry l) {
    String key = l.workloadKey();
    if (wantedWorkload != null) {
      return wantedWorkload.contains("/") ? key.equals(wantedWorkload) : l.workload().equals(wantedWorkload);
    }
    if (workload == null) {
      workload = key;
      firstWorkloadLine = entries.line();
      return true;
    }
    if (!workload.equals(key)) {
      throw TraceException.at(entries.where(), "load of " + key + ", but line " + firstWorkloadLine + " has the load of "
          + workload + "; choose one workload (workload option)");
    }
    return true;
  }

  @Override
  protected long pointLine() {
    return entries.line();
  }

  @Override
  protected void closeInput() {
    entries.close();
  }
}
