package io.hns.simulator.cloud;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * List prices in USD: VMs per hour by size (the catalog's price unless overridden) and ACI per
 * vCPU-hour and GB-hour. Immutable; the {@code with...} methods return changed copies.
 *
 * <p>ACI defaults, East US, Linux standard: $0.0405 per vCPU-hour and $0.00445 per GB-hour
 * (meters "Standard vCPU Duration" / "Standard Memory Duration"; Azure Retail Prices API values quoted
 * by public repositories, query 2026-08-27; azure-facts §4, 3P). One other public note lists $0.0365 /
 * $0.004 (U); override with {@link #withAciPrices} to compare.
 */
public final class Prices {
  /** ACI Linux standard vCPU, East US, USD per vCPU-hour (azure-facts §4, 3P). */
  public static final BigDecimal ACI_VCPU_HOUR_EAST_US = new BigDecimal("0.0405");

  /** ACI Linux standard memory, East US, USD per GB-hour (azure-facts §4, 3P). */
  public static final BigDecimal ACI_GB_HOUR_EAST_US = new BigDecimal("0.00445");

  private final Map<String, BigDecimal> vmOverrides;
  private final BigDecimal aciVcpuHour;
  private final BigDecimal aciGbHour;

  private Prices(Map<String, BigDecimal> vmOverrides, BigDecimal aciVcpuHour, BigDecimal aciGbHour) {
    this.vmOverrides = Map.copyOf(vmOverrides);
    this.aciVcpuHour = nonNegative(aciVcpuHour, "ACI vCPU-hour price");
    this.aciGbHour = nonNegative(aciGbHour, "ACI GB-hour price");
  }

  /** East US pay-as-you-go list prices: catalog VM prices and the ACI defaults above. */
  public static Prices eastUsPayAsYouGo() {
    return new Prices(Map.of(), ACI_VCPU_HOUR_EAST_US, ACI_GB_HOUR_EAST_US);
  }

  /** A copy where {@code vmSize} costs {@code usdPerHour}, whatever the catalog says. */
  public Prices withVmPrice(String vmSize, BigDecimal usdPerHour) {
    Map<String, BigDecimal> m = new HashMap<>(vmOverrides);
    m.put(Objects.requireNonNull(vmSize, "vmSize"), nonNegative(usdPerHour, "VM price"));
    return new Prices(m, aciVcpuHour, aciGbHour);
  }

  public Prices withAciPrices(BigDecimal usdPerVcpuHour, BigDecimal usdPerGbHour) {
    return new Prices(vmOverrides, usdPerVcpuHour, usdPerGbHour);
  }

  /** The hourly price of a VM of this size: an override, else the catalog's price, else an error. */
  public BigDecimal vmPerHour(VmSize size) {
    BigDecimal p = vmOverrides.get(size.name());
    if (p != null) {
      return p;
    }
    if (size.hasPrice()) {
      return size.pricePerHourUsd();
    }
    throw new IllegalArgumentException("no price for VM size " + size.name()
        + "; give one with Prices.withVmPrice(\"" + size.name() + "\", usdPerHour)");
  }

  public BigDecimal aciVcpuPerHour() {
    return aciVcpuHour;
  }

  public BigDecimal aciGbPerHour() {
    return aciGbHour;
  }

  /** USD per hour of a container group with {@code vcpu} cores and {@code gb} GB of memory. */
  public BigDecimal aciPerHour(BigDecimal vcpu, BigDecimal gb) {
    return vcpu.multiply(aciVcpuHour).add(gb.multiply(aciGbHour));
  }

  private static BigDecimal nonNegative(BigDecimal v, String what) {
    Objects.requireNonNull(v, what);
    if (v.signum() < 0) {
      throw new IllegalArgumentException(what + " must not be negative: " + v);
    }
    return v;
  }
}
