package io.hns.simulator.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hns.model.resource.Quantities;
import io.hns.simulator.cloud.AciService.CreateResult;
import io.hns.simulator.cloud.AciService.Failure;
import io.hns.simulator.engine.RandomStreams;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AciServiceTest {
  private static final long MB = 1_000_000L;
  private static final long GB = 1_000_000_000L;

  /** Fixed 25 s base, no jitter: start = 25 s + pull. */
  private static AciService.Builder fixed() {
    return AciService.Config.builder().baseStart(new FixedLatency(25_000)).jitter(FixedLatency.ZERO);
  }

  private static AciService service(AciService.Builder b) {
    return new AciService(b.build(), new SplittableRandom(1), null);
  }

  @Test
  void uncachedImagePaysThePullAndCachedDoesNot() {
    AciService aci = service(fixed());
    CreateResult first = aci.create("default-web-1", 200, 32 * 1024 * 1024, "nginx:1.25", 900 * MB, 0);
    assertThat(first.success()).isTrue();
    assertThat(first.imagePulled()).isTrue();
    // 900 MB at 17.12 MB/s = 52.57 s; plus the 25 s base.
    assertThat(first.runningAt()).isEqualTo(25_000 + 52_570);
    assertThat(first.startLatencyMs()).isEqualTo(77_570);

    // Still pulling for the first group: a second group pulls too.
    CreateResult second = aci.create("default-web-2", 200, 0, "nginx:1.25", 900 * MB, 10_000);
    assertThat(second.imagePulled()).isTrue();
    assertThat(second.startLatencyMs()).isEqualTo(77_570);
    assertThat(aci.isImageCached("nginx:1.25", 77_569)).isFalse();
    assertThat(aci.isImageCached("nginx:1.25", 77_570)).isTrue();

    CreateResult third = aci.create("default-web-3", 200, 0, "nginx:1.25", 900 * MB, 80_000);
    assertThat(third.imagePulled()).isFalse();
    assertThat(third.startLatencyMs()).isEqualTo(25_000);

    // Another image is not cached; size drives the pull (44 MB: 2.57 s).
    CreateResult small = aci.create("default-small-1", 200, 0, "busybox", 44 * MB, 80_000);
    assertThat(small.startLatencyMs()).isEqualTo(25_000 + 2_570);
  }

  @Test
  void cacheTtlAndDisabledCache() {
    AciService aci = service(fixed().imageCache(true, 60_000));
    aci.create("g1", 100, 0, "app", GB, 0); // running at 25 s + 58.41 s = 83.41 s
    long running = aci.group("g1").orElseThrow().runningAt();
    assertThat(running).isEqualTo(25_000 + 58_411);
    assertThat(aci.create("g2", 100, 0, "app", GB, running + 60_000).imagePulled()).isFalse(); // used again
    assertThat(aci.create("g3", 100, 0, "app", GB, running + 120_000).imagePulled()).isFalse();
    assertThat(aci.create("g4", 100, 0, "app", GB, running + 180_001).imagePulled()).isTrue(); // expired

    AciService noCache = service(fixed().imageCache(false, 0));
    noCache.create("a", 100, 0, "app", GB, 0);
    assertThat(noCache.create("b", 100, 0, "app", GB, 500_000).imagePulled()).isTrue();
    assertThat(noCache.isImageCached("app", 600_000)).isFalse();
  }

  @Test
  void resourcesAreRoundedAsTheVirtualKubeletRoundsThem() {
    assertThat(AciService.roundMilliCpu(200)).isEqualTo(200);
    assertThat(AciService.roundMilliCpu(1234)).isEqualTo(1230);
    assertThat(AciService.roundMilliCpu(3)).isEqualTo(10);
    assertThat(AciService.roundMilliCpu(0)).isEqualTo(1000);
    assertThat(AciService.roundMemoryBytes(Quantities.value("32Mi"))).isEqualTo(100 * MB); // 0.1 GB minimum
    assertThat(AciService.roundMemoryBytes(Quantities.value("1.5Gi"))).isEqualTo(1_600 * MB); // 1.61 GB -> 1.6
    assertThat(AciService.roundMemoryBytes(0)).isEqualTo(1_500 * MB);
    CreateResult r = service(fixed()).create("g", 1234, Quantities.value("1.5Gi"), "i", 0, 0);
    assertThat(r.billedMilliCpu()).isEqualTo(1230);
    assertThat(r.billedMemoryBytes()).isEqualTo(1_600 * MB);
  }

  @Test
  void tooLargeForAGroup() {
    AciService aci = service(fixed());
    CreateResult r = aci.create("big", 5000, 5 * GB, "i", 0, 0);
    assertThat(r.success()).isFalse();
    assertThat(r.failure()).isEqualTo(Failure.TOO_LARGE);
    assertThat(r.code()).isEqualTo("ServiceUnavailable");
    assertThat(r.message()).isEqualTo("(ServiceUnavailable) The requested resource is not available in the location "
        + "'eastus' at this moment. Please retry with a different resource request or in another location. "
        + "Resource requested: '5' CPU '5' GB memory 'Linux' OS virtual network");
    assertThat(aci.create("mem", 1000, 16_100 * MB, "i", 0, 0).failure()).isEqualTo(Failure.TOO_LARGE);
    assertThat(aci.create("edge", 4000, 16 * GB, "i", 0, 0).success()).isTrue();
    assertThat(aci.groupCount()).isEqualTo(1);
    assertThat(service(fixed().currentGroupLimits()).create("big", 5000, 5 * GB, "i", 0, 0).success()).isTrue();
  }

  @Test
  void containerGroupQuota() {
    AciService aci = service(fixed());
    for (int i = 0; i < 100; i++) {
      assertThat(aci.create("g" + i, 100, 0, "i", 0, i * 1000L).success()).isTrue();
    }
    CreateResult r = aci.create("g100", 100, 0, "i", 0, 400_000);
    assertThat(r.failure()).isEqualTo(Failure.CONTAINER_GROUP_QUOTA);
    assertThat(r.message()).isEqualTo("(ServiceUnavailable) Resource type 'Microsoft.ContainerInstance/containerGroups' "
        + "container group quota 'ContainerGroups' exceeded in region 'eastus'. Limit: '100', Usage: '100' Requested: '1'.");
    assertThat(aci.delete("g0", 400_000)).isTrue();
    assertThat(aci.create("g100", 100, 0, "i", 0, 400_000).success()).isTrue();
    assertThat(aci.delete("nope", 400_000)).isFalse();
  }

  @Test
  void standardCoresQuota() {
    AciService aci = service(fixed());
    for (int i = 0; i < 25; i++) {
      assertThat(aci.create("g" + i, 4000, GB, "i", 0, 0).success()).isTrue();
    }
    assertThat(aci.coresInUseMilli()).isEqualTo(100_000);
    CreateResult r = aci.create("g25", 10, GB, "i", 0, 0);
    assertThat(r.failure()).isEqualTo(Failure.CORE_QUOTA);
    assertThat(r.code()).isEqualTo("ServiceUnavailable");
    assertThat(r.message()).isEqualTo("(ServiceUnavailable) Resource type 'Microsoft.ContainerInstance/containerGroups' "
        + "container group quota 'StandardCores' exceeded in region 'eastus'. Limit: '100', Usage: '100' Requested: '0.01'.");
    aci.delete("g0", 1);
    assertThat(aci.create("g25", 4000, GB, "i", 0, 1).success()).isTrue();

    AciService small = service(fixed().standardCoresLimit(1));
    small.create("a", 500, 0, "i", 0, 0);
    small.create("b", 300, 0, "i", 0, 0);
    assertThat(small.create("c", 300, 0, "i", 0, 0).armMessage()).endsWith("Limit: '1', Usage: '0.8' Requested: '0.3'.");
  }

  @Test
  void createRateWindowsSlide() {
    AciService aci = service(fixed());
    // 100 creates in the first 100 s; each deleted at once, so only the rate limits matter.
    for (int i = 0; i < 100; i++) {
      long t = i * 1000L;
      assertThat(aci.create("g" + i, 100, 0, "i", 0, t).success()).isTrue();
      aci.delete("g" + i, t);
    }
    assertThat(aci.createsInLast5Minutes(100_000)).isEqualTo(100);
    CreateResult r = aci.create("x", 100, 0, "i", 0, 100_000);
    assertThat(r.failure()).isEqualTo(Failure.CREATE_RATE);
    assertThat(r.code()).isEqualTo("TooManyRequests");
    assertThat(r.retryAfterMs()).isEqualTo(200_000); // the create at t=0 leaves the window at 300 s
    assertThat(r.armMessage()).contains("Limit: '100' creates per 5 minutes", "Retry after 200 seconds");
    assertThat(aci.create("x", 100, 0, "i", 0, 299_999).success()).isFalse();
    assertThat(aci.create("x", 100, 0, "i", 0, 300_000).success()).isTrue(); // t=0 left (window is (t-5min, t])
    assertThat(aci.create("y", 100, 0, "i", 0, 300_000).success()).isFalse(); // t=1 s still inside
    assertThat(aci.create("y", 100, 0, "i", 0, 301_000).success()).isTrue();
  }

  @Test
  void hourlyCreateLimit() {
    AciService aci = service(fixed());
    List<Long> times = new ArrayList<>();
    // 100 creates at the start of each of three 5-minute windows: 300 in 10 minutes.
    for (int w = 0; w < 3; w++) {
      for (int i = 0; i < 100; i++) {
        times.add(w * 300_000L + i);
      }
    }
    int n = 0;
    for (long t : times) {
      String g = "g" + n++;
      assertThat(aci.create(g, 100, 0, "i", 0, t).success()).isTrue();
      aci.delete(g, t);
    }
    assertThat(aci.createsInLastHour(900_000)).isEqualTo(300);
    CreateResult r = aci.create("x", 100, 0, "i", 0, 900_000);
    assertThat(r.failure()).isEqualTo(Failure.CREATE_RATE);
    assertThat(r.armMessage()).contains("Limit: '300' creates per hour");
    assertThat(r.retryAfterMs()).isEqualTo(3_600_000 - 900_000);
    assertThat(aci.create("x", 100, 0, "i", 0, 3_599_999).success()).isFalse();
    assertThat(aci.create("x", 100, 0, "i", 0, 3_600_000).success()).isTrue();
  }

  @Test
  void subnetExhaustion() {
    assertThat(AciService.usableIps("10.241.0.0/24")).isEqualTo(251);
    assertThat(AciService.usableIps("10.241.0.0/16")).isEqualTo(65_531);
    assertThat(AciService.Config.defaults().subnetIpCapacity()).isEqualTo(251);
    AciService aci = service(fixed().subnet("virtual-node-aci", "10.241.0.0/29")); // 8 - 5 = 3
    for (int i = 0; i < 3; i++) {
      assertThat(aci.create("g" + i, 100, 0, "i", 0, 0).success()).isTrue();
    }
    CreateResult r = aci.create("g3", 100, 0, "i", 0, 0);
    assertThat(r.failure()).isEqualTo(Failure.SUBNET_FULL);
    assertThat(r.code()).isEqualTo("SubnetIsFull");
    assertThat(r.armMessage()).isEqualTo(
        "Subnet 'virtual-node-aci' with address prefix '10.241.0.0/29' does not have enough capacity for 1 IP addresses.");
    assertThat(aci.ipsInUse()).isEqualTo(3);
    aci.delete("g1", 5);
    assertThat(aci.ipsInUse()).isEqualTo(2);
    assertThat(aci.create("g3", 100, 0, "i", 0, 5).success()).isTrue();
  }

  @Test
  void billsFromCreateToDelete() {
    CostLedger ledger = new CostLedger(Prices.eastUsPayAsYouGo());
    AciService aci = new AciService(fixed().build(), new SplittableRandom(1), ledger);
    aci.create("g", 2000, 4 * GB, "i", GB, 1_000);
    assertThat(ledger.isAciOpen("g")).isTrue();
    aci.delete("g", 1_000 + 3_600_000);
    assertThat(ledger.aciCost(10_000_000)).isEqualByComparingTo("0.0988"); // 2 x 0.0405 + 4 x 0.00445
    assertThat(ledger.aciPodSeconds(10_000_000)).isEqualByComparingTo("3600");
  }

  @Test
  void refusedCreatesDoNotCountOrBill() {
    CostLedger ledger = new CostLedger(Prices.eastUsPayAsYouGo());
    AciService aci = new AciService(fixed().containerGroupLimit(1).build(), new SplittableRandom(1), ledger);
    aci.create("a", 100, 0, "i", 0, 0);
    assertThat(aci.create("b", 100, 0, "i", 0, 0).success()).isFalse();
    assertThat(aci.createsInLast5Minutes(0)).isEqualTo(1);
    assertThat(ledger.openAciCount()).isEqualTo(1);
    assertThatThrownBy(() -> aci.create("a", 100, 0, "i", 0, 0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void defaultStartTimesAreDeterministicAndPlausible() {
    List<Long> a = starts(5);
    assertThat(a).isEqualTo(starts(5)).isNotEqualTo(starts(6));
    long[] sorted = a.stream().mapToLong(Long::longValue).sorted().toArray();
    // Cached image: base median 25 s + jitter mean 2.5 s.
    assertThat(sorted[sorted.length / 2]).isBetween(24_000L, 31_000L);
  }

  private static List<Long> starts(long seed) {
    AciService aci = new AciService(AciService.Config.defaults(), new RandomStreams(seed, 0).stream("aci"), null);
    aci.create("warm", 100, 0, "img", 0, 0); // zero-size image, cached once running
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < 99; i++) {
      long now = 600_000 + i * 3_000L; // every 3 s: 100 per 5 min
      out.add(aci.create("g" + i, 100, 0, "img", GB, now).startLatencyMs());
      aci.delete("g" + i, now);
    }
    return out;
  }
}
