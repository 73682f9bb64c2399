package io.hns.simulator.cloud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the run has cost so far: VMs billed from start to stop at their hourly price, ACI container
 * groups billed from create to delete for their vCPUs and GB (per-second billing, azure-facts §4).
 *
 * <p>Arithmetic: times are integer milliseconds and prices exact decimals. The ledger keeps, exactly,
 * the sum of {@code usdPerHour × milliseconds} over closed intervals; a query adds the open intervals
 * up to {@code now} and divides once by 3,600,000 ms/h, rounding half-even to {@value #SCALE} decimal
 * places (10⁻¹⁰ USD). So no error accumulates however many intervals there are, and a result is off
 * by at most 0.5·10⁻¹⁰ USD. Billing is by the millisecond: no rounding up to whole seconds or minutes
 * (Azure bills per second; the difference is under one second per interval).
 *
 * <p>An hourly rate is fixed when an interval starts. A name may start again after it stopped.
 */
public final class CostLedger {
  /** Decimal places of the USD results. */
  public static final int SCALE = 10;

  private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(3_600_000L);
  private static final BigDecimal MS_PER_SECOND = BigDecimal.valueOf(1000L);

  private final Prices prices;

  private final Map<String, Open> openVms = new LinkedHashMap<>();
  private final Map<String, Open> openAci = new LinkedHashMap<>();
  private BigDecimal closedVmUsdMsPerHour = BigDecimal.ZERO;
  private BigDecimal closedAciUsdMsPerHour = BigDecimal.ZERO;
  private long closedVmMs;
  private long closedAciMs;

  private record Open(long start, BigDecimal usdPerHour) {}

  public CostLedger(Prices prices) {
    this.prices = Objects.requireNonNull(prices, "prices");
  }

  public Prices prices() {
    return prices;
  }

  /** A VM started billing at {@code t} (simulator: when the instance is created). */
  public void vmStarted(String nodeName, VmSize size, long t) {
    start(openVms, nodeName, prices.vmPerHour(size), t, "VM");
  }

  /** The VM stopped billing at {@code t} (deleted). */
  public void vmStopped(String nodeName, long t) {
    Open o = stop(openVms, nodeName, t, "VM");
    long ms = t - o.start;
    closedVmUsdMsPerHour = closedVmUsdMsPerHour.add(o.usdPerHour.multiply(BigDecimal.valueOf(ms)));
    closedVmMs += ms;
  }

  /** A container group with {@code vcpu} cores and {@code gb} GB started billing at {@code t} (create). */
  public void aciStarted(String group, BigDecimal vcpu, BigDecimal gb, long t) {
    if (vcpu.signum() < 0 || gb.signum() < 0) {
      throw new IllegalArgumentException("ACI resources must not be negative: " + vcpu + " vCPU, " + gb + " GB");
    }
    start(openAci, group, prices.aciPerHour(vcpu, gb), t, "container group");
  }

  /** The container group stopped billing at {@code t} (deleted). */
  public void aciStopped(String group, long t) {
    Open o = stop(openAci, group, t, "container group");
    long ms = t - o.start;
    closedAciUsdMsPerHour = closedAciUsdMsPerHour.add(o.usdPerHour.multiply(BigDecimal.valueOf(ms)));
    closedAciMs += ms;
  }

  public boolean isVmOpen(String nodeName) {
    return openVms.containsKey(nodeName);
  }

  public boolean isAciOpen(String group) {
    return openAci.containsKey(group);
  }

  public int openVmCount() {
    return openVms.size();
  }

  public int openAciCount() {
    return openAci.size();
  }

  /** USD spent on VMs up to {@code now}, running ones included. */
  public BigDecimal vmCost(long now) {
    return usd(closedVmUsdMsPerHour.add(openUsdMs(openVms, now)));
  }

  /** USD spent on ACI up to {@code now}, running groups included. */
  public BigDecimal aciCost(long now) {
    return usd(closedAciUsdMsPerHour.add(openUsdMs(openAci, now)));
  }

  public BigDecimal totalCost(long now) {
    return usd(closedVmUsdMsPerHour.add(openUsdMs(openVms, now))
        .add(closedAciUsdMsPerHour).add(openUsdMs(openAci, now)));
  }

  /** Container-group lifetimes summed, in seconds (exact: milliseconds / 1000). */
  public BigDecimal aciPodSeconds(long now) {
    return BigDecimal.valueOf(closedAciMs + openMs(openAci, now)).divide(MS_PER_SECOND);
  }

  /** VM lifetimes summed, in seconds (exact). */
  public BigDecimal vmNodeSeconds(long now) {
    return BigDecimal.valueOf(closedVmMs + openMs(openVms, now)).divide(MS_PER_SECOND);
  }

  private static void start(Map<String, Open> open, String name, BigDecimal usdPerHour, long t, String what) {
    Objects.requireNonNull(name, "name");
    if (open.containsKey(name)) {
      throw new IllegalStateException(what + " " + name + " is already billing since " + open.get(name).start + " ms");
    }
    open.put(name, new Open(t, usdPerHour));
  }

  private static Open stop(Map<String, Open> open, String name, long t, String what) {
    Open o = open.get(name);
    if (o == null) {
      throw new IllegalStateException(what + " " + name + " is not billing");
    }
    if (t < o.start) {
      throw new IllegalArgumentException(what + " " + name + " cannot stop at " + t + " ms, before its start at " + o.start + " ms");
    }
    open.remove(name);
    return o;
  }

  private static BigDecimal openUsdMs(Map<String, Open> open, long now) {
    BigDecimal sum = BigDecimal.ZERO;
    for (Open o : open.values()) {
      if (now > o.start) {
        sum = sum.add(o.usdPerHour.multiply(BigDecimal.valueOf(now - o.start)));
      }
    }
    return sum;
  }

  private static long openMs(Map<String, Open> open, long now) {
    long sum = 0;
    for (Open o : open.values()) {
      if (now > o.start) {
        sum += now - o.start;
      }
    }
    return sum;
  }

  private static BigDecimal usd(BigDecimal usdMsPerHour) {
    return usdMsPerHour.divide(MS_PER_HOUR, SCALE, RoundingMode.HALF_EVEN);
  }
}
