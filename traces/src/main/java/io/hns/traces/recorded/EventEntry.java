package io.hns.traces.recorded;

/**
 * {@code event}: a Kubernetes event as the recorder saw it.
 *
 * @param timeMs the event's last timestamp
 * @param eventType {@code Normal} or {@code Warning} (key {@code event_type})
 * @param reason e.g. {@code ProviderCreateFailed}, {@code TriggeredScaleUp}
 * @param object the involved object as {@code Kind/namespace/name} (or {@code Kind/name})
 * @param message the event's message
 */
public record EventEntry(long timeMs, String eventType, String reason, String object, String message)
    implements RecordedEntry {
  @Override
  public String type() {
    return "event";
  }
}
