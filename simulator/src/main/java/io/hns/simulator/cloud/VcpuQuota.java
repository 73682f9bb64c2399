package io.hns.simulator.cloud;

import io.hns.model.port.NodeGroupException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The subscription's vCPU quota in one region, shared by every node pool: a limit per VM family
 * (for example {@code standardDSv2Family}) and a total regional limit, both in vCPUs (azure-facts
 * §1: "vCPU quota is per VM family and a total regional vCPU quota, per subscription per region").
 * A request is all or nothing, as an ARM operation is: if it does not fit, nothing is reserved.
 *
 * <p>Refusals carry code {@code QuotaExceeded} and error class {@code OUT_OF_RESOURCES} (what CA
 * backs off on) and Azure's message text:
 *
 * <ul>
 *   <li>family: "Operation could not be completed as it results in exceeding approved
 *       standardDSv2Family Cores quota. Additional details - Deployment Model: Resource Manager,
 *       Location: eastus, Current Limit: 10, Current Usage: 8, Additional Required: 4, (Minimum) New
 *       Limit Required: 12." (format of MicrosoftDocs/mslearn-aspnet-core#183 and public CI logs,
 *       3P; Azure appends a portal link we leave out);
 *   <li>regional: the same sentence with "Total Regional Cores" for the family name (seen verbatim
 *       in public deployment logs and a Microsoft support article with {@code Code=QuotaExceeded},
 *       3P).
 * </ul>
 *
 * <p>Limits have no default here: real subscriptions differ (often 10 to 350 per family). A family
 * without a limit set is unlimited but still counts toward the regional total.
 */
public final class VcpuQuota {
  public static final String CODE = "QuotaExceeded";
  public static final long UNLIMITED = Long.MAX_VALUE;

  private final String location;
  private final long regionalLimit;
  private final Map<String, Long> familyLimits = new HashMap<>();
  private final Map<String, Long> familyUsage = new HashMap<>();
  private long regionalUsage;

  /** @param location the ARM location name as it appears in messages, for example {@code eastus} */
  public VcpuQuota(String location, long regionalLimit) {
    this.location = Objects.requireNonNull(location, "location");
    if (regionalLimit < 0) {
      throw new IllegalArgumentException("regional limit must not be negative: " + regionalLimit);
    }
    this.regionalLimit = regionalLimit;
  }

  /** No limit at all, regional or per family (usage is still counted). */
  public static VcpuQuota unlimited(String location) {
    return new VcpuQuota(location, UNLIMITED);
  }

  /** Sets the limit of one family; returns this for chaining. */
  public VcpuQuota setFamilyLimit(String family, long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative: " + limit);
    }
    familyLimits.put(family, limit);
    return this;
  }

  public String location() {
    return location;
  }

  public long regionalLimit() {
    return regionalLimit;
  }

  public long regionalUsage() {
    return regionalUsage;
  }

  public long familyLimit(String family) {
    return familyLimits.getOrDefault(family, UNLIMITED);
  }

  public long familyUsage(String family) {
    return familyUsage.getOrDefault(family, 0L);
  }

  /** The refusal message if {@code vcpus} more of {@code family} would exceed a limit; empty when it fits. */
  public Optional<String> refusal(String family, long vcpus) {
    if (vcpus < 0) {
      throw new IllegalArgumentException("vCPUs must not be negative: " + vcpus);
    }
    long fLimit = familyLimit(family);
    long fUsage = familyUsage(family);
    if (fUsage + vcpus > fLimit) {
      return Optional.of(message(family, fLimit, fUsage, vcpus));
    }
    if (regionalUsage + vcpus > regionalLimit) {
      return Optional.of(message("Total Regional", regionalLimit, regionalUsage, vcpus));
    }
    return Optional.empty();
  }

  /** Reserves {@code vcpus} of {@code family}, or throws {@code QuotaExceeded} and reserves nothing. */
  public void reserve(String family, long vcpus) throws NodeGroupException {
    Optional<String> refused = refusal(family, vcpus);
    if (refused.isPresent()) {
      throw new NodeGroupException(NodeGroupException.ErrorClass.OUT_OF_RESOURCES, CODE, refused.get());
    }
    familyUsage.merge(family, vcpus, Long::sum);
    regionalUsage += vcpus;
  }

  /** Gives back vCPUs reserved earlier. */
  public void release(String family, long vcpus) {
    long used = familyUsage(family);
    if (vcpus < 0 || vcpus > used) {
      throw new IllegalStateException(
          "cannot release " + vcpus + " vCPUs of " + family + ": only " + used + " in use");
    }
    familyUsage.put(family, used - vcpus);
    regionalUsage -= vcpus;
  }

  private String message(String quotaName, long limit, long usage, long required) {
    return "Operation could not be completed as it results in exceeding approved " + quotaName
        + " Cores quota. Additional details - Deployment Model: Resource Manager, Location: " + location
        + ", Current Limit: " + limit + ", Current Usage: " + usage + ", Additional Required: " + required
        + ", (Minimum) New Limit Required: " + (usage + required) + ".";
  }
}
