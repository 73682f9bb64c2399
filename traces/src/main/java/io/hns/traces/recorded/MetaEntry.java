package io.hns.traces.recorded;

/**
 * {@code meta}: the first line of a recording.
 *
 * @param timeMs when recording started
 * @param version the format version, {@value #CURRENT_VERSION}
 * @param cluster the cluster's name (optional)
 * @param intervalMs how often {@code replicas}, {@code pods} and {@code load} are sampled (optional;
 *     the load's resolution when given)
 * @param recorder what wrote the file, e.g. {@code hns-live 0.1.0} (optional)
 */
public record MetaEntry(long timeMs, int version, String cluster, Long intervalMs, String recorder)
    implements RecordedEntry {
  /** The format version this module reads and writes. */
  public static final int CURRENT_VERSION = 1;

  @Override
  public String type() {
    return "meta";
  }
}
