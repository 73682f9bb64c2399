package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VmSizeCatalogTest {
  private final VmSizeCatalog catalog = VmSizeCatalog.defaults();

  @Test
  void ds2v2IsTheSeedExperimentsNode() {
    VmSize ds2 = catalog.get("Standard_DS2_v2");
    assertThat(ds2.vcpus()).isEqualTo(2);
    assertThat(ds2.memoryMib()).isEqualTo(7 * 1024);
    assertThat(ds2.capacityMemoryBytes()).isEqualTo(7_120_616L * 1024);
    assertThat(ds2.quotaFamily()).isEqualTo("standardDSv2Family");
    assertThat(ds2.milliCpu()).isEqualTo(2000);
  }

  @Test
  void holdsTheCommonSizesWithFamiliesAndPrices() {
    assertThat(catalog.all()).extracting(VmSize::name).containsExactly(
        "Standard_DS2_v2", "Standard_D2s_v3", "Standard_D4s_v3", "Standard_D8s_v3", "Standard_D2s_v5",
        "Standard_D4s_v5", "Standard_D8s_v5", "Standard_D8ds_v5", "Standard_D16s_v5", "Standard_B2s");
    assertThat(catalog.get("Standard_D2s_v3").pricePerHourUsd()).isEqualByComparingTo("0.096");
    assertThat(catalog.get("Standard_D4s_v3").pricePerHourUsd()).isEqualByComparingTo("0.192");
    assertThat(catalog.get("Standard_D8ds_v5").quotaFamily()).isEqualTo("standardDDSv5Family");
    assertThat(catalog.get("Standard_D16s_v5").vcpus()).isEqualTo(16);
    assertThat(catalog.get("Standard_D16s_v5").memoryMib()).isEqualTo(64 * 1024);
    assertThat(catalog.get("Standard_B2s").quotaFamily()).isEqualTo("standardBSFamily");
    assertThat(catalog.all()).allSatisfy(s -> assertThat(s.hasPrice()).isTrue());
  }

  @Test
  void estimatedCapacityScalesTheDs2Ratio() {
    // 8 GiB nominal = 8388608Ki; x 7120616/7340032 = 8137846.8... -> 8137846Ki
    assertThat(catalog.get("Standard_D2s_v3").capacityMemoryBytes()).isEqualTo(8_137_846L * 1024);
    assertThat(VmSizeCatalog.estimatedCapacityBytes(7 * 1024)).isEqualTo(7_120_616L * 1024);
  }

  @Test
  void unknownSizeListsTheKnownOnes() {
    assertThatThrownBy(() -> catalog.get("Standard_Q99"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("unknown VM size \"Standard_Q99\"; known sizes: Standard_DS2_v2, Standard_D2s_v3")
        .hasMessageContaining("Standard_B2s");
  }

  @Test
  void withAddsOrReplacesWithoutTouchingTheDefaults() {
    VmSize mine = new VmSize("Standard_X2", 2, 4096, 4_000_000_000L, "standardXFamily", null);
    VmSizeCatalog c = catalog.with(mine).with(catalog.get("Standard_B2s").withPricePerHour(new BigDecimal("0.05")));
    assertThat(c.get("Standard_X2").hasPrice()).isFalse();
    assertThat(c.get("Standard_B2s").pricePerHourUsd()).isEqualByComparingTo("0.05");
    assertThat(catalog.contains("Standard_X2")).isFalse();
    assertThat(catalog.get("Standard_B2s").pricePerHourUsd()).isEqualByComparingTo("0.0416");
  }
}
