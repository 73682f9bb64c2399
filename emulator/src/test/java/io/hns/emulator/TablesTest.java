package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Ages as the API server's printers write them (apimachinery duration.HumanDuration). */
class TablesTest {
  @Test
  void humanDuration() {
    assertThat(Tables.humanDuration(-5_000)).isEqualTo("<invalid>");
    assertThat(Tables.humanDuration(-500)).isEqualTo("0s");
    assertThat(Tables.humanDuration(82_000)).isEqualTo("82s");
    assertThat(Tables.humanDuration(300_000)).isEqualTo("5m");
    assertThat(Tables.humanDuration(330_000)).isEqualTo("5m30s");
    assertThat(Tables.humanDuration(20 * 60_000)).isEqualTo("20m");
    assertThat(Tables.humanDuration(5 * 3_600_000L + 60_000)).isEqualTo("5h1m");
    assertThat(Tables.humanDuration(20 * 86_400_000L)).isEqualTo("20d");
    assertThat(Tables.humanDuration(3 * 86_400_000L + 2 * 3_600_000L)).isEqualTo("3d2h");
  }

  @Test
  void quantities() {
    assertThat(Quantity.cpu(1900)).isEqualTo("1900m");
    assertThat(Quantity.cpu(2000)).isEqualTo("2");
    assertThat(Quantity.cpu(10_000_000)).isEqualTo("10k");
    assertThat(Quantity.bytes(32L << 20)).isEqualTo("32Mi");
    assertThat(Quantity.bytes(4L << 40)).isEqualTo("4Ti");
    assertThat(Quantity.count(5000)).isEqualTo("5k");
    assertThat(Quantity.kibibytes(7_291_510_784L)).isEqualTo("7120616Ki");
  }
}
