package io.hns.simulator.kubelet;

import java.util.Map;

/**
 * Kubelet timings on VM nodes.
 *
 * @param syncDelayMs from binding until the kubelet starts the pod (watch latency and sandbox
 *     creation)
 * @param pullBaseMs fixed cost of an image pull (registry round trips)
 * @param pullBytesPerSecond pull throughput
 * @param containerStartMs from image present until the container runs
 * @param readinessDelayMs from running until the Ready condition (readiness probe)
 * @param terminationMs from deletion until the containers have stopped
 * @param imageSizes image name to size in bytes; others use {@code defaultImageBytes}
 */
public record KubeletConfig(
    long syncDelayMs,
    long pullBaseMs,
    long pullBytesPerSecond,
    long containerStartMs,
    long readinessDelayMs,
    long terminationMs,
    Map<String, Long> imageSizes,
    long defaultImageBytes) {

  public static KubeletConfig defaults() {
    // Assumptions, not measurements: ~1 s watch-to-start, ~1 s per image pull plus 50 MB/s, a
    // readiness probe passing ~5 s after start, nginx-like quick shutdown.
    return new KubeletConfig(1_000, 1_000, 50_000_000, 500, 5_000, 2_000, Map.of(), 100_000_000);
  }

  public long imageBytes(String image) {
    Long size = imageSizes.get(image);
    return size != null ? size : defaultImageBytes;
  }
}
