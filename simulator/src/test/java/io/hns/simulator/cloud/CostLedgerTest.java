package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CostLedgerTest {
  private static final long HOUR = 3_600_000L;
  private final VmSizeCatalog catalog = VmSizeCatalog.defaults();

  @Test
  void aciTwoVcpuFourGbForOneHour() {
    CostLedger l = new CostLedger(Prices.eastUsPayAsYouGo());
    l.aciStarted("ns-pod", new BigDecimal("2"), new BigDecimal("4"), 0);
    l.aciStopped("ns-pod", HOUR);
    BigDecimal expected = new BigDecimal("2").multiply(new BigDecimal("0.0405"))
        .add(new BigDecimal("4").multiply(new BigDecimal("0.00445")));
    assertThat(l.aciCost(HOUR)).isEqualByComparingTo(expected).isEqualByComparingTo("0.0988");
    assertThat(l.aciPodSeconds(HOUR)).isEqualByComparingTo("3600");
    assertThat(l.vmCost(HOUR)).isEqualByComparingTo("0");
  }

  @Test
  void vmHoursAtCatalogPrices() {
    CostLedger l = new CostLedger(Prices.eastUsPayAsYouGo());
    l.vmStarted("a", catalog.get("Standard_D2s_v3"), 0);
    l.vmStarted("b", catalog.get("Standard_D4s_v3"), HOUR);
    l.vmStopped("a", HOUR + HOUR / 2);
    // a: 1.5 h x 0.096 = 0.144; b still running at 3 h: 2 h x 0.192 = 0.384.
    assertThat(l.vmCost(3 * HOUR)).isEqualByComparingTo("0.528");
    assertThat(l.vmNodeSeconds(3 * HOUR)).isEqualByComparingTo(String.valueOf(1.5 * 3600 + 2 * 3600));
    assertThat(l.totalCost(3 * HOUR)).isEqualByComparingTo("0.528");
    assertThat(l.openVmCount()).isEqualTo(1);
  }

  @Test
  void manySmallIntervalsSumExactly() {
    CostLedger l = new CostLedger(Prices.eastUsPayAsYouGo());
    VmSize ds2 = catalog.get("Standard_DS2_v2");
    for (int i = 0; i < 3600; i++) {
      l.vmStarted("n", ds2, i * 2000L);
      l.vmStopped("n", i * 2000L + 1000); // 1 s on, 1 s off
    }
    assertThat(l.vmCost(10 * HOUR)).isEqualByComparingTo("0.146"); // exactly one hour billed
  }

  @Test
  void roundingIsToTenDecimalsHalfEven() {
    CostLedger l = new CostLedger(Prices.eastUsPayAsYouGo());
    l.vmStarted("n", catalog.get("Standard_DS2_v2"), 0);
    // 1 ms at $0.146/h = 4.0555...e-8 USD
    assertThat(l.vmCost(1)).isEqualTo(new BigDecimal("0.0000000406"));
    assertThat(l.vmCost(0)).isEqualByComparingTo("0");
  }

  @Test
  void priceOverridesAndMissingPrices() {
    Prices p = Prices.eastUsPayAsYouGo().withVmPrice("Standard_DS2_v2", new BigDecimal("0.10"))
        .withAciPrices(new BigDecimal("0.0365"), new BigDecimal("0.004"));
    assertThat(p.vmPerHour(catalog.get("Standard_DS2_v2"))).isEqualByComparingTo("0.10");
    assertThat(p.vmPerHour(catalog.get("Standard_B2s"))).isEqualByComparingTo("0.0416");
    assertThat(p.aciPerHour(BigDecimal.ONE, BigDecimal.ONE)).isEqualByComparingTo("0.0405");
    assertThat(Prices.eastUsPayAsYouGo().aciVcpuPerHour()).isEqualByComparingTo("0.0405");
    assertThat(Prices.eastUsPayAsYouGo().aciGbPerHour()).isEqualByComparingTo("0.00445");
    VmSize unpriced = new VmSize("Standard_X", 2, 4096, 4_000_000_000L, "x", null);
    assertThatThrownBy(() -> p.vmPerHour(unpriced)).hasMessageContaining("Prices.withVmPrice(\"Standard_X\"");
  }

  @Test
  void startStopMistakesAreErrors() {
    CostLedger l = new CostLedger(Prices.eastUsPayAsYouGo());
    l.aciStarted("g", BigDecimal.ONE, BigDecimal.ONE, 10);
    assertThatThrownBy(() -> l.aciStarted("g", BigDecimal.ONE, BigDecimal.ONE, 20))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> l.aciStopped("g", 5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> l.vmStopped("nope", 5)).isInstanceOf(IllegalStateException.class);
    l.aciStopped("g", 10);
    l.aciStarted("g", BigDecimal.ONE, BigDecimal.ONE, 20); // may start again after stopping
    assertThat(l.isAciOpen("g")).isTrue();
  }
}
