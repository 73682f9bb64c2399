package io.hns.simulator.cloud;

import io.hns.model.resource.Resources;

/**
 * Node allocatable from capacity with AKS's reservation rules.
 *
 * <p>Source: azure-aks-docs {@code articles/aks/node-resource-reservations.md} (ms.date
 * 2024-04-16), read 2026-11:
 *
 * <ul>
 *   <li>CPU, "Kube-reserved CPU (millicores)" by "CPU cores on host": 1 core 60, 2 cores 100, 4
 *       cores 140, 8 cores 180, 16 cores 260, 32 cores 420, 64 cores 740.
 *   <li>Memory, "AKS versions prior to 1.29": the kubelet's "memory.available &lt; 750 Mi" hard
 *       eviction rule plus "a regressive rate of memory reservations ... (kube-reserved)": "25% of
 *       the first 4 GB of memory, 20% of the next 4 GB of memory (up to 8 GB), 10% of the next 8 GB
 *       of memory (up to 16 GB), 6% of the next 112 GB of memory (up to 128 GB), 2% of any memory
 *       more than 128 GB".
 *   <li>Memory, "AKS 1.29 and later": "memory.available &lt; 100 Mi" plus kube-reserved "the lesser
 *       value of: 20 MB * Max Pods supported on the Node + 50 MB or 25% of the total system memory
 *       resources".
 * </ul>
 *
 * <p>How the doc's words become numbers, checked against real nodes:
 *
 * <ul>
 *   <li>"GB" and "MB" are read as GiB and MiB, and the regressive rate is applied to the size's
 *       <em>nominal</em> memory (7 GiB = 7168 MiB for a DS2_v2), not to the smaller capacity the
 *       kubelet reports; the result is rounded down to whole MiB. For a DS2_v2 that gives
 *       kube-reserved 1638 MiB (1024 + 614.4) and allocatable 7120616Ki − 1638Mi − 750Mi =
 *       {@code 4675304Ki}, exactly what the seed experiment's node reports; a third-party
 *       {@code kubectl describe} of a DS2_v2 (capacity 7116264Ki, allocatable 4670952Ki) shows the
 *       same 2388 MiB gap. Applying the rate to the reported capacity instead (6953.7 MiB) would
 *       reserve about 1595.5 MiB, 43 MiB less than real nodes do.
 *   <li>For 1.29+, a DS2_v2 with max pods 30 on Kubernetes 1.29.7 reports capacity 7097600Ki and
 *       allocatable 6329600Ki (virtual-kubelet/virtual-kubelet#1250): a gap of exactly 750 MiB =
 *       20 MiB × 30 + 50 MiB + 100 MiB, which confirms reading MB as MiB.
 *   <li>CPU core counts between the table's points (for example 48 or 96) are interpolated linearly
 *       between them, and beyond 64 cores extrapolated at the last slope (10m per core); the table's
 *       own points are exact. The interpolation is an assumption (no such sizes in the catalog).
 * </ul>
 */
public final class AksReservations {
  private static final long MIB = 1024L * 1024L;

  /** Which memory rule the cluster's Kubernetes version uses. */
  public enum MemoryRule {
    /** AKS before 1.29: regressive kube-reserved plus a 750 MiB hard eviction threshold. */
    PRE_1_29,
    /** AKS 1.29 and later: min(20 MiB × max pods + 50 MiB, 25 %) plus a 100 MiB threshold. */
    AKS_1_29
  }

  // The doc's table: cores on host -> kube-reserved millicores.
  private static final int[] CPU_CORES = {1, 2, 4, 8, 16, 32, 64};
  private static final long[] CPU_RESERVED_MILLI = {60, 100, 140, 180, 260, 420, 740};

  // Regressive memory tiers (size in MiB, rate in percent): 4 GiB at 25 %, 4 GiB at 20 %, 8 GiB at
  // 10 %, 112 GiB at 6 %, the rest at 2 %.
  private static final long[] TIER_MIB = {4096, 4096, 8192, 112 * 1024};
  private static final long[] TIER_PERCENT = {25, 20, 10, 6};
  private static final long REST_PERCENT = 2;

  private AksReservations() {}

  /** Kube-reserved CPU in milli-cores for a host with {@code cores} cores. */
  public static long kubeReservedMilliCpu(int cores) {
    if (cores <= 0) {
      throw new IllegalArgumentException("cores must be positive: " + cores);
    }
    for (int i = 0; i < CPU_CORES.length; i++) {
      if (cores == CPU_CORES[i]) {
        return CPU_RESERVED_MILLI[i];
      }
      if (cores < CPU_CORES[i]) {
        // Between table points i-1 and i (cores > 1 here, so i >= 1).
        long dc = CPU_CORES[i] - CPU_CORES[i - 1];
        long dr = CPU_RESERVED_MILLI[i] - CPU_RESERVED_MILLI[i - 1];
        return CPU_RESERVED_MILLI[i - 1] + Math.floorDiv(dr * (cores - CPU_CORES[i - 1]), dc);
      }
    }
    int last = CPU_CORES.length - 1;
    long slope = (CPU_RESERVED_MILLI[last] - CPU_RESERVED_MILLI[last - 1]) / (CPU_CORES[last] - CPU_CORES[last - 1]);
    return CPU_RESERVED_MILLI[last] + slope * (cores - CPU_CORES[last]);
  }

  /** Kube-reserved memory in bytes (whole MiB) for nominal memory {@code memoryMib}. */
  public static long kubeReservedMemoryBytes(long memoryMib, int maxPods, MemoryRule rule) {
    if (memoryMib <= 0) {
      throw new IllegalArgumentException("memory must be positive: " + memoryMib);
    }
    long reservedMib;
    if (rule == MemoryRule.PRE_1_29) {
      long left = memoryMib;
      long hundredthsMib = 0;
      for (int i = 0; i < TIER_MIB.length && left > 0; i++) {
        long inTier = Math.min(left, TIER_MIB[i]);
        hundredthsMib += inTier * TIER_PERCENT[i];
        left -= inTier;
      }
      hundredthsMib += left * REST_PERCENT;
      reservedMib = hundredthsMib / 100;
    } else {
      if (maxPods <= 0) {
        throw new IllegalArgumentException("max pods must be positive: " + maxPods);
      }
      reservedMib = Math.min(20L * maxPods + 50L, memoryMib * 25 / 100);
    }
    return reservedMib * MIB;
  }

  /** The kubelet's hard eviction threshold {@code memory.available}: 750 MiB before 1.29, 100 MiB after. */
  public static long hardEvictionBytes(MemoryRule rule) {
    return (rule == MemoryRule.PRE_1_29 ? 750 : 100) * MIB;
  }

  /** What the node reports as capacity: all vCPUs, the reported memory, and {@code maxPods} pods. */
  public static Resources capacity(VmSize size, int maxPods) {
    return Resources.of(size.milliCpu(), size.capacityMemoryBytes(), maxPods);
  }

  /** Capacity minus kube-reserved CPU, kube-reserved memory and the hard eviction threshold. */
  public static Resources allocatable(VmSize size, int maxPods, MemoryRule rule) {
    long cpu = size.milliCpu() - kubeReservedMilliCpu(size.vcpus());
    long memory = size.capacityMemoryBytes()
        - kubeReservedMemoryBytes(size.memoryMib(), maxPods, rule)
        - hardEvictionBytes(rule);
    if (cpu <= 0 || memory <= 0) {
      throw new IllegalArgumentException("reservations exceed the capacity of " + size.name());
    }
    return Resources.of(cpu, memory, maxPods);
  }
}
