package io.hns.simulator.cloud;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Azure Container Instances as the virtual node uses it: one container group per pod, in a subnet of
 * the cluster's VNet, under the subscription's regional quotas.
 *
 * <p>{@link #create} either accepts the group at once, returning when it will be Running, or refuses
 * with the code and message the ACI API returns (the virtual kubelet then marks the pod
 * {@code ProviderFailed} and retries; azure-facts §3). Checks, in order: per-group size, create rate
 * (100 per 5 min and 300 per hour, sliding windows), container-group quota (100), standard-cores quota
 * (100), subnet IPs. An accepted group holds its quota and its IP from create until {@link #delete},
 * and is billed for that whole time (creation to deletion, per second; the simulator bills the exact
 * milliseconds, see {@link CostLedger}).
 *
 * <p>Start time = base start + image pull + jitter. The pull is {@code imageSizeBytes /
 * pullBytesPerSecond}, skipped when the image is in the cache: an image enters the cache when a group
 * that pulled it is Running, and stays while it is used at least every {@code imageCacheTtlMs} (0 =
 * never expires). ACI docs say only that images "aren't cached forever" and publish no split between
 * first and cached starts (azure-facts §2, U), so the cache is a modelling choice.
 *
 * <p>Resources are rounded as the virtual kubelet rounds them before calling ACI
 * (virtual-kubelet/azure-aci {@code pkg/provider/aci.go} {@code getContainers}): CPU down to a multiple
 * of 0.01 core ("ACI CPU request must be times of 10m"), at least 0.01; memory down to a multiple of
 * 0.1 GB (10⁸ bytes, "must be times of 0.1 GB"; azure-facts §2), at least 0.1 GB; a container with no
 * request gets 1 core / 1.5 GB. The provider rounds per container; this service takes the pod's total
 * and rounds that, which can differ by under 0.01 core / 0.1 GB per extra container.
 */
public final class AciService {
  /** Error code of quota and capacity refusals (HTTP 409 in virtual-kubelet#592). */
  public static final String CODE_SERVICE_UNAVAILABLE = "ServiceUnavailable";

  /** Error code of a create-rate refusal. UNVERIFIED: no public sample of this error was found. */
  public static final String CODE_TOO_MANY_REQUESTS = "TooManyRequests";

  /** Error code of a full subnet. UNVERIFIED for ACI: the code Azure networking uses for NICs. */
  public static final String CODE_SUBNET_FULL = "SubnetIsFull";

  private static final long FIVE_MINUTES_MS = 5 * 60_000L;
  private static final long HOUR_MS = 60 * 60_000L;
  private static final long CPU_STEP_MILLI = 10;
  private static final long MEMORY_STEP_BYTES = 100_000_000L;

  /** Why a create was refused. */
  public enum Failure {
    TOO_LARGE,
    CREATE_RATE,
    CONTAINER_GROUP_QUOTA,
    CORE_QUOTA,
    SUBNET_FULL
  }

  /**
   * ACI settings. Build with {@link #builder()}; {@link #defaults()} is the builder's defaults.
   *
   * @param imageCacheTtlMs how long an unused cached image stays; 0 or less means forever
   * @param maxGroupMilliCpu largest container group, CPU (4 cores in the pre-2024 docs; 31 now)
   * @param maxGroupMemoryBytes largest container group, memory (16 GB pre-2024; 240 GB now)
   */
  public record Config(
      String region,
      LatencyModel baseStart,
      double pullBytesPerSecond,
      LatencyModel jitter,
      boolean imageCacheEnabled,
      long imageCacheTtlMs,
      int containerGroupLimit,
      long standardCoresLimitMilli,
      int createsPer5Minutes,
      int createsPerHour,
      String subnetName,
      String subnetCidr,
      int subnetIpCapacity,
      long maxGroupMilliCpu,
      long maxGroupMemoryBytes) {

    public Config {
      Objects.requireNonNull(region, "region");
      Objects.requireNonNull(baseStart, "baseStart");
      Objects.requireNonNull(jitter, "jitter");
      Objects.requireNonNull(subnetName, "subnetName");
      Objects.requireNonNull(subnetCidr, "subnetCidr");
      if (!(pullBytesPerSecond > 0)) {
        throw new IllegalArgumentException("pull throughput must be positive: " + pullBytesPerSecond);
      }
      if (containerGroupLimit < 0 || standardCoresLimitMilli < 0 || createsPer5Minutes < 0 || createsPerHour < 0
          || subnetIpCapacity < 0 || maxGroupMilliCpu <= 0 || maxGroupMemoryBytes <= 0) {
        throw new IllegalArgumentException("ACI limits must not be negative (and group maxima positive)");
      }
    }

    public static Builder builder() {
      return new Builder();
    }

    public static Config defaults() {
      return builder().build();
    }
  }

  /** Builder of {@link Config}; each default cites its source. */
  public static final class Builder {
    private String region = "eastus"; // the region of the price figures (azure-facts §4)
    private LatencyModel baseStart = DefaultLatencies.ACI_BASE_START; // median 25 s, p90 45 s (see there)
    private double pullBytesPerSecond = DefaultLatencies.ACI_PULL_BYTES_PER_SECOND; // ~58 s per GB, 2021 data
    private LatencyModel jitter = DefaultLatencies.ACI_START_JITTER; // uniform 0-5 s, assumption
    private boolean imageCacheEnabled = true; // modelling choice (U), see the class comment
    private long imageCacheTtlMs = 0; // never expires unless set (U: ACI publishes no retention)
    // Default quotas per subscription and region, raisable (azure-compute-docs
    // container-instances-resource-and-quota-limits.md, V): 100 container groups, 100 standard
    // cores, creates 100 per 5 minutes and 300 per hour.
    private int containerGroupLimit = 100;
    private long standardCoresLimitMilli = 100_000;
    private int createsPer5Minutes = 100;
    private int createsPerHour = 300;
    // Portal-created virtual-node subnet name (MicrosoftDocs/azure-docs#66257, 3P); a /24 in the
    // 10.241.0.0/16 range of the CLI example (the default prefix size is U). Azure reserves 5
    // addresses in every subnet (Azure Virtual Network FAQ; not in azure-facts): /24 -> 251 IPs.
    private String subnetName = "virtual-node-aci";
    private String subnetCidr = "10.241.0.0/24";
    private Integer subnetIpCapacity;
    // Pre-2024 per-group maximum for Linux, also in VNets: 4 vCPU / 16 GB (azure-docs copy of the
    // resource-and-quota-limits article, 2023-01-19, V). Current docs: 31 vCPU / 240 GB (V), with a
    // warning that above 4 vCPU / 16 GB deployments may fail on regional capacity.
    private long maxGroupMilliCpu = 4_000;
    private long maxGroupMemoryBytes = 16_000_000_000L;

    public Builder region(String v) {
      region = v;
      return this;
    }

    public Builder baseStart(LatencyModel v) {
      baseStart = v;
      return this;
    }

    public Builder pullBytesPerSecond(double v) {
      pullBytesPerSecond = v;
      return this;
    }

    public Builder jitter(LatencyModel v) {
      jitter = v;
      return this;
    }

    public Builder imageCache(boolean enabled, long ttlMs) {
      imageCacheEnabled = enabled;
      imageCacheTtlMs = ttlMs;
      return this;
    }

    public Builder containerGroupLimit(int v) {
      containerGroupLimit = v;
      return this;
    }

    public Builder standardCoresLimit(long cores) {
      standardCoresLimitMilli = cores * 1000;
      return this;
    }

    public Builder createRateLimits(int per5Minutes, int perHour) {
      createsPer5Minutes = per5Minutes;
      createsPerHour = perHour;
      return this;
    }

    /** The subnet; its IP capacity becomes 2^(32 - prefix) - 5 unless set with {@link #subnetIpCapacity}. */
    public Builder subnet(String name, String cidr) {
      subnetName = name;
      subnetCidr = cidr;
      return this;
    }

    public Builder subnetIpCapacity(int v) {
      subnetIpCapacity = v;
      return this;
    }

    public Builder maxGroupSize(long milliCpu, long memoryBytes) {
      maxGroupMilliCpu = milliCpu;
      maxGroupMemoryBytes = memoryBytes;
      return this;
    }

    /** The current (2025) documented per-group maximum, 31 vCPU / 240 GB (V). */
    public Builder currentGroupLimits() {
      return maxGroupSize(31_000, 240_000_000_000L);
    }

    public Config build() {
      int ips = subnetIpCapacity != null ? subnetIpCapacity : usableIps(subnetCidr);
      return new Config(region, baseStart, pullBytesPerSecond, jitter, imageCacheEnabled, imageCacheTtlMs,
          containerGroupLimit, standardCoresLimitMilli, createsPer5Minutes, createsPerHour, subnetName, subnetCidr,
          ips, maxGroupMilliCpu, maxGroupMemoryBytes);
    }
  }

  /** Addresses a subnet offers container groups: 2^(32 - prefix) minus the 5 Azure reserves. */
  public static int usableIps(String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("not a CIDR prefix: \"" + cidr + "\"");
    }
    int prefix = Integer.parseInt(cidr.substring(slash + 1));
    if (prefix < 8 || prefix > 29) {
      throw new IllegalArgumentException("Azure subnets are /8 to /29, got " + cidr);
    }
    return (int) ((1L << (32 - prefix)) - 5);
  }

  /**
   * The outcome of a create. On success {@code runningAt} is when the group is Running and the
   * billed (rounded) resources are set; on failure {@code code} and {@code armMessage} are Azure's,
   * and {@code retryAfterMs} is set for rate refusals (0 otherwise).
   */
  public record CreateResult(
      String groupName,
      boolean success,
      long requestedAt,
      long runningAt,
      long billedMilliCpu,
      long billedMemoryBytes,
      boolean imagePulled,
      Failure failure,
      String code,
      String armMessage,
      long retryAfterMs) {

    static CreateResult running(String group, long now, long runningAt, long milliCpu, long memoryBytes,
        boolean pulled) {
      return new CreateResult(group, true, now, runningAt, milliCpu, memoryBytes, pulled, null, null, null, 0);
    }

    static CreateResult refused(String group, long now, Failure failure, String code, String armMessage,
        long retryAfterMs) {
      return new CreateResult(group, false, now, -1, 0, 0, false, failure, code, armMessage, retryAfterMs);
    }

    /** Milliseconds from the request to Running; -1 on failure. */
    public long startLatencyMs() {
      return success ? runningAt - requestedAt : -1;
    }

    /** The error as the Azure CLI prints it, {@code (Code) message}; null on success. */
    public String message() {
      return success ? null : "(" + code + ") " + armMessage;
    }
  }

  /** An accepted container group. */
  public record ContainerGroup(
      String name, long milliCpu, long memoryBytes, String image, long createdAt, long runningAt) {}

  private record CacheEntry(long availableAt, long lastUsedAt) {}

  private final Config config;
  private final RandomGenerator random;
  private final CostLedger ledger;
  private final Map<String, ContainerGroup> groups = new LinkedHashMap<>();
  private final Map<String, CacheEntry> imageCache = new HashMap<>();
  private final Deque<Long> createTimes = new ArrayDeque<>();
  private long coresInUseMilli;
  private long lastNow = Long.MIN_VALUE;

  /**
   * @param random this service's stream, for example {@code streams.stream("aci")}
   * @param ledger billed from create to delete, or null for no billing
   */
  public AciService(Config config, RandomGenerator random, CostLedger ledger) {
    this.config = Objects.requireNonNull(config, "config");
    this.random = Objects.requireNonNull(random, "random");
    this.ledger = ledger;
  }

  public Config config() {
    return config;
  }

  /** CPU as ACI will be asked for it: 0 or less = no request = 1 core; else down to 10m, at least 10m. */
  public static long roundMilliCpu(long milliCpu) {
    if (milliCpu <= 0) {
      return 1000;
    }
    return Math.max(CPU_STEP_MILLI, milliCpu / CPU_STEP_MILLI * CPU_STEP_MILLI);
  }

  /** Memory as ACI will be asked for it: 0 or less = no request = 1.5 GB; else down to 0.1 GB, at least 0.1 GB. */
  public static long roundMemoryBytes(long memoryBytes) {
    if (memoryBytes <= 0) {
      return 15 * MEMORY_STEP_BYTES;
    }
    return Math.max(MEMORY_STEP_BYTES, memoryBytes / MEMORY_STEP_BYTES * MEMORY_STEP_BYTES);
  }

  /**
   * Asks ACI for a container group at {@code now}.
   *
   * @param milliCpu the pod's CPU request (sum of its containers), milli-cores
   * @param memoryBytes the pod's memory request, bytes
   * @param image the image reference, the cache key
   * @param imageSizeBytes bytes to pull when the image is not cached
   */
  public CreateResult create(String groupName, long milliCpu, long memoryBytes, String image, long imageSizeBytes,
      long now) {
    Objects.requireNonNull(groupName, "groupName");
    Objects.requireNonNull(image, "image");
    if (imageSizeBytes < 0) {
      throw new IllegalArgumentException("image size must not be negative: " + imageSizeBytes);
    }
    advance(now);
    if (groups.containsKey(groupName)) {
      throw new IllegalStateException("container group " + groupName + " already exists");
    }
    long cpu = roundMilliCpu(milliCpu);
    long mem = roundMemoryBytes(memoryBytes);

    if (cpu > config.maxGroupMilliCpu() || mem > config.maxGroupMemoryBytes()) {
      // Text of virtual-kubelet/virtual-kubelet#592 (HTTP 409, VNet) and MicrosoftDocs/azure-docs#24776 (V as quoted).
      return CreateResult.refused(groupName, now, Failure.TOO_LARGE, CODE_SERVICE_UNAVAILABLE,
          "The requested resource is not available in the location '" + config.region() + "' at this moment. "
              + "Please retry with a different resource request or in another location. Resource requested: '"
              + cores(cpu) + "' CPU '" + gigabytes(mem) + "' GB memory 'Linux' OS virtual network", 0);
    }

    long retryAfter = Math.max(
        windowRetryAfter(FIVE_MINUTES_MS, config.createsPer5Minutes(), now),
        windowRetryAfter(HOUR_MS, config.createsPerHour(), now));
    if (retryAfter > 0) {
      boolean fiveMinutes = windowRetryAfter(FIVE_MINUTES_MS, config.createsPer5Minutes(), now) > 0;
      String window = fiveMinutes ? "5 minutes" : "hour";
      int limit = fiveMinutes ? config.createsPer5Minutes() : config.createsPerHour();
      long seconds = (retryAfter + 999) / 1000;
      // UNVERIFIED text: modelled on the quota messages below; the limits are the documented ones.
      return CreateResult.refused(groupName, now, Failure.CREATE_RATE, CODE_TOO_MANY_REQUESTS,
          "Resource type 'Microsoft.ContainerInstance/containerGroups' create rate limit exceeded in region '"
              + config.region() + "'. Limit: '" + limit + "' creates per " + window + ". Retry after " + seconds
              + " seconds.", retryAfter);
    }

    if (groups.size() + 1 > config.containerGroupLimit()) {
      // SupportArticles-docs service-unavailable-container-group-quota-exceeded.md (V).
      return CreateResult.refused(groupName, now, Failure.CONTAINER_GROUP_QUOTA, CODE_SERVICE_UNAVAILABLE,
          quotaMessage("ContainerGroups", String.valueOf(config.containerGroupLimit()),
              String.valueOf(groups.size()), "1"), 0);
    }

    if (coresInUseMilli + cpu > config.standardCoresLimitMilli()) {
      // Same sentence with quota 'StandardCores', as quoted in MicrosoftDocs/azure-docs#51738 (2020,
      // "Limit: '10', Usage: '10' Requested: '1'"). How fractional cores print there: U.
      return CreateResult.refused(groupName, now, Failure.CORE_QUOTA, CODE_SERVICE_UNAVAILABLE,
          quotaMessage("StandardCores", cores(config.standardCoresLimitMilli()), cores(coresInUseMilli),
              cores(cpu)), 0);
    }

    if (groups.size() + 1 > config.subnetIpCapacity()) {
      // UNVERIFIED for ACI: the wording Azure networking uses when a subnet has no address left.
      return CreateResult.refused(groupName, now, Failure.SUBNET_FULL, CODE_SUBNET_FULL,
          "Subnet '" + config.subnetName() + "' with address prefix '" + config.subnetCidr()
              + "' does not have enough capacity for 1 IP addresses.", 0);
    }

    // Accepted: draw base then jitter (always both, so the cache does not shift the stream).
    long base = config.baseStart().sampleMillis(random);
    long jitter = config.jitter().sampleMillis(random);
    boolean cached = isImageCached(image, now);
    long pull = cached ? 0 : Math.round(imageSizeBytes * 1000.0 / config.pullBytesPerSecond());
    long runningAt = now + base + pull + jitter;
    if (config.imageCacheEnabled()) {
      CacheEntry old = imageCache.get(image);
      if (cached) {
        imageCache.put(image, new CacheEntry(old.availableAt(), now));
      } else {
        // A pull already under way that finishes sooner makes the image available sooner.
        long availableAt = old != null && old.availableAt() > now ? Math.min(old.availableAt(), runningAt) : runningAt;
        imageCache.put(image, new CacheEntry(availableAt, availableAt));
      }
    }

    groups.put(groupName, new ContainerGroup(groupName, cpu, mem, image, now, runningAt));
    coresInUseMilli += cpu;
    createTimes.addLast(now);
    if (ledger != null) {
      ledger.aciStarted(groupName, BigDecimal.valueOf(cpu, 3), BigDecimal.valueOf(mem / MEMORY_STEP_BYTES, 1), now);
    }
    return CreateResult.running(groupName, now, runningAt, cpu, mem, !cached);
  }

  /** Deletes the group at {@code now}: frees its quota and IP and stops its billing. False if unknown. */
  public boolean delete(String groupName, long now) {
    advance(now);
    ContainerGroup g = groups.remove(groupName);
    if (g == null) {
      return false;
    }
    coresInUseMilli -= g.milliCpu();
    if (ledger != null) {
      ledger.aciStopped(groupName, now);
    }
    return true;
  }

  /** Whether a create at {@code now} would skip the pull of {@code image}. */
  public boolean isImageCached(String image, long now) {
    if (!config.imageCacheEnabled()) {
      return false;
    }
    CacheEntry e = imageCache.get(image);
    if (e == null || e.availableAt() > now) {
      return false;
    }
    return config.imageCacheTtlMs() <= 0 || now - e.lastUsedAt() <= config.imageCacheTtlMs();
  }

  public Optional<ContainerGroup> group(String name) {
    return Optional.ofNullable(groups.get(name));
  }

  public int groupCount() {
    return groups.size();
  }

  public long coresInUseMilli() {
    return coresInUseMilli;
  }

  /** Subnet addresses taken: one per container group. */
  public int ipsInUse() {
    return groups.size();
  }

  /** Creates accepted in (now − 5 min, now]. */
  public int createsInLast5Minutes(long now) {
    return countSince(now - FIVE_MINUTES_MS);
  }

  /** Creates accepted in (now − 1 h, now]. */
  public int createsInLastHour(long now) {
    return countSince(now - HOUR_MS);
  }

  private void advance(long now) {
    if (now < lastNow) {
      throw new IllegalArgumentException("time went backwards: " + now + " < " + lastNow);
    }
    lastNow = now;
    while (!createTimes.isEmpty() && createTimes.peekFirst() <= now - HOUR_MS) {
      createTimes.removeFirst();
    }
  }

  private int countSince(long exclusiveStart) {
    int n = 0;
    for (var it = createTimes.descendingIterator(); it.hasNext(); ) {
      if (it.next() > exclusiveStart) {
        n++;
      } else {
        break;
      }
    }
    return n;
  }

  /** Milliseconds until the window has room for one more create; 0 when it has room now. */
  private long windowRetryAfter(long windowMs, int limit, long now) {
    int inWindow = countSince(now - windowMs);
    if (inWindow < limit) {
      return 0;
    }
    if (limit == 0) {
      return Long.MAX_VALUE / 4; // never
    }
    // Room appears when the (inWindow - limit + 1)-th oldest in-window create leaves the window.
    int skip = createTimes.size() - inWindow + (inWindow - limit);
    long t = 0;
    var it = createTimes.iterator();
    for (int i = 0; i <= skip; i++) {
      t = it.next();
    }
    return t + windowMs - now;
  }

  private String quotaMessage(String quota, String limit, String usage, String requested) {
    return "Resource type 'Microsoft.ContainerInstance/containerGroups' container group quota '" + quota
        + "' exceeded in region '" + config.region() + "'. Limit: '" + limit + "', Usage: '" + usage
        + "' Requested: '" + requested + "'.";
  }

  private static String cores(long milli) {
    return BigDecimal.valueOf(milli, 3).stripTrailingZeros().toPlainString();
  }

  private static String gigabytes(long bytes) {
    return BigDecimal.valueOf(bytes / MEMORY_STEP_BYTES, 1).stripTrailingZeros().toPlainString();
  }
}
