package io.hns.simulator.cloud;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An Azure VM size as the simulator needs it.
 *
 * @param name the ARM size name, for example {@code Standard_DS2_v2}
 * @param vcpus vCPUs; the node's CPU capacity is {@code vcpus * 1000} milli-cores and the vCPU
 *     quota charge per instance
 * @param memoryMib the size's nominal memory in MiB (7 GiB = 7168 MiB for a DS2_v2); AKS computes
 *     its kube-reserved memory from this figure (see {@link AksReservations})
 * @param capacityMemoryBytes the memory the kubelet reports as node capacity, a little below the
 *     nominal figure because the guest kernel keeps some for itself
 * @param quotaFamily the vCPU quota family the size is charged to, as Azure names it in quota errors
 *     (for example {@code standardDSv2Family})
 * @param pricePerHourUsd pay-as-you-go Linux list price in East US, USD per hour; null when unknown
 */
public record VmSize(
    String name, int vcpus, long memoryMib, long capacityMemoryBytes, String quotaFamily, BigDecimal pricePerHourUsd) {

  public VmSize {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(quotaFamily, "quotaFamily");
    if (vcpus <= 0) {
      throw new IllegalArgumentException("vcpus must be positive for " + name + ": " + vcpus);
    }
    if (memoryMib <= 0 || capacityMemoryBytes <= 0) {
      throw new IllegalArgumentException("memory must be positive for " + name);
    }
    if (pricePerHourUsd != null && pricePerHourUsd.signum() < 0) {
      throw new IllegalArgumentException("price must not be negative for " + name + ": " + pricePerHourUsd);
    }
  }

  public boolean hasPrice() {
    return pricePerHourUsd != null;
  }

  public long milliCpu() {
    return vcpus * 1000L;
  }

  public VmSize withPricePerHour(BigDecimal usd) {
    return new VmSize(name, vcpus, memoryMib, capacityMemoryBytes, quotaFamily, usd);
  }
}
