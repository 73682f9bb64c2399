package io.hns.traces.recorded;

/**
 * One line of a recorded trace: {@code {"t": <RFC 3339 text or epoch ms>, "type": <type>, ...}}.
 * Times are epoch milliseconds here; optional values are {@code null}.
 */
public sealed interface RecordedEntry
    permits MetaEntry, ReplicasEntry, PodsEntry, NodeEntry, PodEntry, LoadEntry, EventEntry {
  /** When the recorder observed this (key {@code t}). */
  long timeMs();

  /** The {@code type} key: {@code meta}, {@code replicas}, {@code pods}, {@code node}, {@code pod}, {@code load}, {@code event}. */
  String type();
}
