package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.model.resource.Quantities;
import io.hns.model.resource.Resources;
import io.hns.simulator.cloud.AksReservations.MemoryRule;
import org.junit.jupiter.api.Test;

class AksReservationsTest {
  private static final long MIB = 1024L * 1024L;

  @Test
  void cpuTableOfTheAksDoc() {
    int[] cores = {1, 2, 4, 8, 16, 32, 64};
    long[] milli = {60, 100, 140, 180, 260, 420, 740};
    for (int i = 0; i < cores.length; i++) {
      assertThat(AksReservations.kubeReservedMilliCpu(cores[i])).as("%d cores", cores[i]).isEqualTo(milli[i]);
    }
  }

  @Test
  void cpuBetweenAndBeyondTheTableIsLinear() {
    assertThat(AksReservations.kubeReservedMilliCpu(3)).isEqualTo(120);
    assertThat(AksReservations.kubeReservedMilliCpu(48)).isEqualTo(580);
    assertThat(AksReservations.kubeReservedMilliCpu(96)).isEqualTo(1060);
  }

  @Test
  void ds2v2MatchesARealPre129Node() {
    VmSize ds2 = VmSizeCatalog.defaults().get("Standard_DS2_v2");
    Resources a = AksReservations.allocatable(ds2, 110, MemoryRule.PRE_1_29);
    assertThat(a.milliCpu()).isEqualTo(Quantities.milliValue("1900m"));
    assertThat(a.memory()).isEqualTo(Quantities.value("4675304Ki"));
    assertThat(a.pods()).isEqualTo(110);
    assertThat(AksReservations.kubeReservedMemoryBytes(7 * 1024, 110, MemoryRule.PRE_1_29)).isEqualTo(1638 * MIB);
    assertThat(AksReservations.capacity(ds2, 30)).isEqualTo(Resources.of(2000, Quantities.value("7120616Ki"), 30));
  }

  @Test
  void docExampleOf7GbReserves2point35Gb() {
    // Doc: "if a node offers 7 GB ... 0.75 + (0.25*4) + (0.20*3) = ... 2.35 GB"
    long reserved = AksReservations.kubeReservedMemoryBytes(7 * 1024, 30, MemoryRule.PRE_1_29)
        + AksReservations.hardEvictionBytes(MemoryRule.PRE_1_29);
    assertThat(reserved).isEqualTo((1024 + 614 + 750) * MIB);
  }

  @Test
  void regressiveTiersAllTheWayUp() {
    // 256 GiB: 4096*.25 + 4096*.20 + 8192*.10 + 114688*.06 + 131072*.02 = 1024+819.2+819.2+6881.28+2621.44
    assertThat(AksReservations.kubeReservedMemoryBytes(256 * 1024, 30, MemoryRule.PRE_1_29))
        .isEqualTo(12165 * MIB);
    assertThat(AksReservations.kubeReservedMemoryBytes(2 * 1024, 30, MemoryRule.PRE_1_29)).isEqualTo(512 * MIB);
  }

  @Test
  void aks129RuleMatchesARealNode() {
    // virtual-kubelet/virtual-kubelet#1250: 2 cpu, v1.29.7, pods 30, capacity 7097600Ki, allocatable 6329600Ki.
    VmSize observed = new VmSize("Standard_DS2_v2", 2, 7 * 1024, Quantities.value("7097600Ki"),
        "standardDSv2Family", null);
    Resources a = AksReservations.allocatable(observed, 30, MemoryRule.AKS_1_29);
    assertThat(a.memory()).isEqualTo(Quantities.value("6329600Ki"));
    assertThat(a.milliCpu()).isEqualTo(1900);
  }

  @Test
  void aks129RuleCapsAtAQuarterOfMemory() {
    // Doc example: 4 GB and 70 pods -> 25% (1024 MiB), less than 20*70+50 = 1450.
    assertThat(AksReservations.kubeReservedMemoryBytes(4 * 1024, 70, MemoryRule.AKS_1_29)).isEqualTo(1024 * MIB);
    // Doc example: 8 GB and 30 pods -> 650.
    assertThat(AksReservations.kubeReservedMemoryBytes(8 * 1024, 30, MemoryRule.AKS_1_29)).isEqualTo(650 * MIB);
    assertThat(AksReservations.hardEvictionBytes(MemoryRule.AKS_1_29)).isEqualTo(100 * MIB);
  }
}
