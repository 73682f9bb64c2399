/**
 * The {@code recorded} trace format: the JSON Lines file that the live adapter's recorder writes
 * while it watches a cluster, and that the simulator replays ({@link io.hns.traces.recorded.RecordedLoadReader},
 * the observed load) and calibrates from ({@link io.hns.traces.recorded.RecordedLifecycles}, the pod and
 * node lifecycle timestamps). One JSON object per line, {@code {"t": ..., "type": ...}}; the entry
 * types are the records implementing {@link io.hns.traces.recorded.RecordedEntry}. The format is
 * specified in docs/traces.md; write it with {@link io.hns.traces.recorded.RecordedTraceWriter}, read
 * every entry with {@link io.hns.traces.recorded.RecordedEntryReader}.
 */
package io.hns.traces.recorded;
