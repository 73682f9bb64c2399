package io.hns.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private static long iso(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void parsesIsoAndSpaceSeparatedDateTimesAsUtc() {
    assertThat(Timestamps.parseDateTime("2023-11-16T18:17:03Z")).isEqualTo(iso("2023-11-16T18:17:03Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16 18:17:03")).isEqualTo(iso("2023-11-16T18:17:03Z"));
    assertThat(Timestamps.parseDateTime("1998-04-30 21:30:00")).isEqualTo(iso("1998-04-30T21:30:00Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16T18:17")).isEqualTo(iso("2023-11-16T18:17:00Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16")).isEqualTo(iso("2023-11-16T00:00:00Z"));
    assertThat(Timestamps.parseDateTime("1969-12-31T23:59:59Z")).isEqualTo(-1000);
  }

  // The Azure LLM inference layout: 7 fractional digits, truncated to milliseconds.
  @Test
  void fractionsOfAnyLengthAreTruncatedToMilliseconds() {
    assertThat(Timestamps.parseDateTime("2023-11-16 18:17:03.9799600")).isEqualTo(iso("2023-11-16T18:17:03.979Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16 18:17:03.5")).isEqualTo(iso("2023-11-16T18:17:03.500Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16T18:17:03,25Z")).isEqualTo(iso("2023-11-16T18:17:03.250Z"));
  }

  @Test
  void zonesAreApplied() {
    assertThat(Timestamps.parseDateTime("2023-11-16T19:17:03+01:00")).isEqualTo(iso("2023-11-16T18:17:03Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16T13:47:03-0430")).isEqualTo(iso("2023-11-16T18:17:03Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16T20:17:03+02")).isEqualTo(iso("2023-11-16T18:17:03Z"));
  }

  @Test
  void invalidDatesAreRecognised() {
    assertThat(Timestamps.parseDateTime("2023-13-01")).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseDateTime("2023-02-29")).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseDateTime("2024-02-29")).isEqualTo(iso("2024-02-29T00:00:00Z"));
    assertThat(Timestamps.parseDateTime("2023-11-16 24:00:00")).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseDateTime("2023-11-16 18:17:03.")).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseDateTime("2023-11-16 18:17:03 UTC")).isEqualTo(Timestamps.INVALID);
    assertThat(Timestamps.parseDateTime("yesterday")).isEqualTo(Timestamps.INVALID);
  }

  @Test
  void epochNumbersBySecondsOrMillisecondsByMagnitude() {
    assertThat(Timestamps.parseEpoch("1700000000", 0, 10, 0)).isEqualTo(1_700_000_000_000L);
    assertThat(Timestamps.parseEpoch("1700000000123", 0, 13, 0)).isEqualTo(1_700_000_000_123L);
    assertThat(Timestamps.parseEpoch("1700000000.25", 0, 13, 0)).isEqualTo(1_700_000_000_250L);
    assertThat(Timestamps.parseEpoch("60", 0, 2, 1)).isEqualTo(60);
    assertThat(Timestamps.parseEpoch("abc", 0, 3, 0)).isEqualTo(Timestamps.INVALID);
  }

  @Test
  void autoTimeFormatIsDecidedByTheFirstCell() {
    TimeFormat.Parser p = new TimeFormat.Parser(TimeFormat.AUTO);
    assertThat(p.parse("0", 0, 1, "f:2")).isZero();
    assertThat(p.format()).isEqualTo(TimeFormat.EPOCH_S);
    assertThat(p.parse("60", 0, 2, "f:3")).isEqualTo(60_000);
    assertThatThrownBy(() -> p.parse("2023-11-16", 0, 10, "f:4"))
        .hasMessage("f:4: time \"2023-11-16\" is not a number of epoch seconds");
    TimeFormat.Parser iso = new TimeFormat.Parser(TimeFormat.AUTO);
    iso.parse("2023-11-16", 0, 10, "f:2");
    assertThat(iso.format()).isEqualTo(TimeFormat.ISO);
    assertThatThrownBy(() -> iso.parse("2023-13-01", 0, 10, "requests.csv:1043"))
        .hasMessageStartingWith("requests.csv:1043: time \"2023-13-01\" is not a date");
  }

  @Test
  void durationsAsInScenarios() {
    assertThat(Durations.parseMillis("1h30m")).isEqualTo(5_400_000);
    assertThat(Durations.parseMillis("90")).isEqualTo(90_000);
    assertThat(Durations.parseMillis("-5m")).isEqualTo(-300_000);
    assertThat(Durations.format(5_400_000)).isEqualTo("1h30m");
    assertThat(Durations.format(86_400_000)).isEqualTo("1d");
    assertThat(Durations.format(1500)).isEqualTo("1500ms");
    assertThatThrownBy(() -> Durations.parseMillis("5 minutes")).hasMessageContaining("is not a duration");
  }
}
