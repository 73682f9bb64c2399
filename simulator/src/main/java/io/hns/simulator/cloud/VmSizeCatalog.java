package io.hns.simulator.cloud;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The VM sizes the simulator knows, by ARM name. {@link #defaults()} holds common AKS node sizes;
 * {@link #with(VmSize)} adds or replaces one (a size of your own, a measured capacity, a negotiated
 * price). Immutable.
 *
 * <p>Sources (status as in research/azure-facts.md: V = read in the cited source, 3P = third party,
 * U = assumption):
 *
 * <ul>
 *   <li>vCPUs and memory: Azure VM size documentation (Dsv2, Dsv3, Dsv5, Ddsv5, Bs series). For
 *       DS2_v2 the AKS doc says "memory for VM size Standard_DS2_v2 ... is set to 7 GiB"
 *       (azure-aks-docs {@code quotas-skus-regions.md}, V); D2s_v3 and D4s_v3 are in azure-facts §4.
 *   <li>Capacity memory: a real DS2_v2 node reports {@code 7120616Ki} (the seed experiment's node; a
 *       third-party {@code kubectl describe} shows 7116264Ki, virtual-kubelet#1250 shows 7097600Ki
 *       on Ubuntu 22.04). For the other sizes no observation was at hand, so capacity is the nominal
 *       memory scaled by DS2_v2's ratio 7120616 / 7340032 (U).
 *   <li>Quota family names: as Azure prints them in quota errors and usage lists
 *       ({@code standardDSv2Family} in the project brief; {@code standardDDSv5Family},
 *       {@code standardDSv5Family}, {@code standardBSFamily} in public scripts, 3P).
 *   <li>Prices: pay-as-you-go Linux, East US, USD per hour. D2s_v3 $0.096 and D4s_v3 $0.192 are in
 *       azure-facts §4 (3P, Retail Prices API sample, effectiveStartDate 2024-06-01). The others
 *       are Retail-Prices-API snapshots quoted consistently by several public repositories (3P),
 *       except DS2_v2 and D8ds_v5, see their comments.
 * </ul>
 */
public final class VmSizeCatalog {
  private static final long KI = 1024L;

  /** The capacity a real DS2_v2 node reports (7 GiB nominal); the seed experiment's node. */
  public static final long DS2_V2_CAPACITY_KI = 7_120_616L;

  private static final VmSizeCatalog DEFAULTS = new VmSizeCatalog(defaultSizes());

  private final Map<String, VmSize> sizes;

  private VmSizeCatalog(Map<String, VmSize> sizes) {
    this.sizes = Collections.unmodifiableMap(sizes);
  }

  public static VmSizeCatalog defaults() {
    return DEFAULTS;
  }

  /** An empty catalog, to fill with {@link #with(VmSize)}. */
  public static VmSizeCatalog empty() {
    return new VmSizeCatalog(new LinkedHashMap<>());
  }

  /** A copy with {@code size} added, or replacing the size of the same name. */
  public VmSizeCatalog with(VmSize size) {
    Map<String, VmSize> m = new LinkedHashMap<>(sizes);
    m.put(size.name(), size);
    return new VmSizeCatalog(m);
  }

  /** The size of this name; a clear error listing the known names when there is none. */
  public VmSize get(String name) {
    VmSize s = sizes.get(name);
    if (s == null) {
      throw new IllegalArgumentException(
          "unknown VM size \"" + name + "\"; known sizes: " + String.join(", ", sizes.keySet()));
    }
    return s;
  }

  public boolean contains(String name) {
    return sizes.containsKey(name);
  }

  public Collection<VmSize> all() {
    return sizes.values();
  }

  /**
   * Capacity memory for a size with no observed node: the nominal memory scaled by the DS2_v2
   * ratio (7120616Ki reported of 7340032Ki nominal), rounded down to whole KiB. An assumption.
   */
  public static long estimatedCapacityBytes(long memoryMib) {
    long nominalKi = memoryMib * 1024L;
    long nominalDs2Ki = 7L * 1024L * 1024L;
    return Math.floorDiv(nominalKi * DS2_V2_CAPACITY_KI, nominalDs2Ki) * KI;
  }

  private static VmSize size(String name, int vcpus, int memoryGib, String family, String price) {
    long mib = memoryGib * 1024L;
    return new VmSize(
        name, vcpus, mib, estimatedCapacityBytes(mib), family, price == null ? null : new BigDecimal(price));
  }

  private static Map<String, VmSize> defaultSizes() {
    Map<String, VmSize> m = new LinkedHashMap<>();
    // 2 vCPU, 7 GiB; capacity as a real node reports it (7120616Ki). Price $0.146/h is an
    // ASSUMPTION (recalled list price, not verified here: public quotes found range from $0.094 to
    // $0.252, none with a citable Retail Prices API record). Override with Prices.withVmPrice.
    m.put("Standard_DS2_v2", new VmSize("Standard_DS2_v2", 2, 7 * 1024L, DS2_V2_CAPACITY_KI * KI,
        "standardDSv2Family", new BigDecimal("0.146")));
    // 2 vCPU, 8 GiB, $0.096/h: azure-facts §4 (3P, Retail Prices API sample 2024-06-01).
    m.put("Standard_D2s_v3", size("Standard_D2s_v3", 2, 8, "standardDSv3Family", "0.096"));
    // 4 vCPU, 16 GiB, $0.192/h: azure-facts §4 (3P).
    m.put("Standard_D4s_v3", size("Standard_D4s_v3", 4, 16, "standardDSv3Family", "0.192"));
    // 8 vCPU, 32 GiB, $0.384/h: public Retail-API snapshots (3P); twice D4s_v3 as the series scales.
    m.put("Standard_D8s_v3", size("Standard_D8s_v3", 8, 32, "standardDSv3Family", "0.384"));
    // Dsv5: same list prices as Dsv3 per size in East US per public Retail-API snapshots (3P).
    m.put("Standard_D2s_v5", size("Standard_D2s_v5", 2, 8, "standardDSv5Family", "0.096"));
    m.put("Standard_D4s_v5", size("Standard_D4s_v5", 4, 16, "standardDSv5Family", "0.192"));
    m.put("Standard_D8s_v5", size("Standard_D8s_v5", 8, 32, "standardDSv5Family", "0.384"));
    // 8 vCPU, 32 GiB with local disk; $0.452/h from one public Retail-API table (3P; other public
    // quotes say $0.384 or $0.412, so treat as U). AKS "Production Standard" preset size.
    m.put("Standard_D8ds_v5", size("Standard_D8ds_v5", 8, 32, "standardDDSv5Family", "0.452"));
    m.put("Standard_D16s_v5", size("Standard_D16s_v5", 16, 64, "standardDSv5Family", "0.768"));
    // 2 vCPU, 4 GiB burstable; $0.0416/h (3P). AKS advises against B-series for system pools.
    m.put("Standard_B2s", size("Standard_B2s", 2, 4, "standardBSFamily", "0.0416"));
    return m;
  }
}
