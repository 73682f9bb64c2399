package io.hns.simulator.cloud;

/**
 * The default latency models of the simulated Azure side, each with its source. Status labels as in
 * research/azure-facts.md: V = read in the cited source, 3P = third party or anecdotal, U = assumption.
 */
public final class DefaultLatencies {
  private DefaultLatencies() {}

  /**
   * VMSS node boot, the body of the distribution: a log-normal through P50 53 s and P90 67 s, the
   * AKS team's benchmark for a +1 node manual scale-out, October 2024 (3→4 nodes, D8ds_v4, West US
   * 3, request → ARM operation complete, n=537: P50 53 s, P90 67 s, P99 79 s, P99.9 123 s;
   * Azure/AKS-Performance-and-Scale {@code Perf-Benchmarks/AKS-Perf-Benchmarks.md}, V). The benchmark
   * does not say "node Ready" explicitly; azure-facts treats it as ≈ node Ready, and so do we.
   * Resulting mu = ln 53000 = 10.878, sigma = ln(67/53) / 1.2816 = 0.1829; its P99 is 81 s against the
   * benchmark's 79 s.
   */
  public static final LogNormalLatency VMSS_BOOT_BODY = LogNormalLatency.fromMedianAndP90(53_000, 67_000);

  /**
   * Probability of a slow VMSS boot. ASSUMPTION standing for the field reports of 2–15 minute node
   * additions (Azure/AKS#1898, kubernetes/autoscaler#3233, Microsoft Q&amp;A; azure-facts §1, 3P); no
   * public frequency exists. 1 %.
   */
  public static final double VMSS_BOOT_TAIL_PROBABILITY = 0.01;

  /** Slow-boot range: 2 min (field reports) to 15 min (CA {@code max-node-provision-time}, V). */
  public static final long VMSS_BOOT_TAIL_MIN_MS = 2 * 60_000L;

  public static final long VMSS_BOOT_TAIL_MAX_MS = 15 * 60_000L;

  /**
   * How long before Ready a new node registers NotReady. ASSUMPTION: 10 s. AgentBaker PRs #8082 and
   * #8105 (2026, 3P) put CSE start → NodeReady at ~13–27 s; the kubelet registers partway through
   * that, and the node turns Ready once the CNI is up.
   */
  public static final long VMSS_NOT_READY_LEAD_MS = 10_000;

  /**
   * From a VMSS instance delete request to the instance gone (billing stops, quota freed).
   * ASSUMPTION: 30 s; no public figure was found.
   */
  public static final long VMSS_DELETE_MS = 30_000;

  /**
   * ACI container-group start through the virtual node, without the image pull: a log-normal with
   * median 25 s and P90 45 s. The median is the virtual-kubelet maintainer's "now ~20–30 s"
   * (virtual-kubelet/azure-aci#151, 2022-11, 3P); the P90 is an ASSUMPTION giving a right skew
   * toward the 2021 reports of ~57 s (MicrosoftDocs/azure-docs#79462, 3P).
   */
  public static final LogNormalLatency ACI_BASE_START = LogNormalLatency.fromMedianAndP90(25_000, 45_000);

  /**
   * ACI image pull throughput in bytes per second, from the 2021 two-point data (azure-facts §2, 3P):
   * a 44 MB image started in ~60 s and a 900 MB image in ~110 s, so 856 MB cost 50 s more:
   * 856e6 B / 50 s = 17.12 MB/s, i.e. about 58.4 s per GB (1e9 bytes). The 2021 intercept (~57 s
   * at zero size) is not used: the base start above stands for the newer, faster path. MB read as
   * 1e6 bytes (the reports do not say). azure-facts suggests "~50 s per GB (U)"; the two points give
   * 58 s, which we keep.
   */
  public static final double ACI_PULL_BYTES_PER_SECOND = 856e6 / 50.0;

  /**
   * Extra ACI start jitter added to base + pull: uniform 0–5 s. ASSUMPTION (no published spread for
   * the pull term).
   */
  public static final UniformLatency ACI_START_JITTER = new UniformLatency(0, 5_000);

  /** The default VMSS boot model: {@link #VMSS_BOOT_BODY} with a 1 % tail uniform in [2 min, 15 min]. */
  public static LatencyModel vmssNodeBoot() {
    return new TailMixtureLatency(
        VMSS_BOOT_BODY, VMSS_BOOT_TAIL_PROBABILITY, VMSS_BOOT_TAIL_MIN_MS, VMSS_BOOT_TAIL_MAX_MS);
  }

  public static LatencyModel vmssNotReadyLead() {
    return new FixedLatency(VMSS_NOT_READY_LEAD_MS);
  }

  public static LatencyModel vmssDelete() {
    return new FixedLatency(VMSS_DELETE_MS);
  }
}
