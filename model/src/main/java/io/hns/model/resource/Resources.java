package io.hns.model.resource;

import com.google.common.collect.ImmutableMap;
import java.util.Map;

/**
 * A vector of resources in integer units: CPU in milli-cores, memory and ephemeral storage in
 * bytes, a pod count (meaningful in node allocatable only) and extended resources by name
 * (for example {@code nvidia.com/gpu}) in integer units.
 */
public record Resources(
    long milliCpu, long memory, long ephemeralStorage, long pods, ImmutableMap<String, Long> scalars) {

  public static final Resources ZERO = new Resources(0, 0, 0, 0, ImmutableMap.of());

  public Resources {
    scalars = scalars == null ? ImmutableMap.of() : scalars;
  }

  public static Resources of(long milliCpu, long memory) {
    return new Resources(milliCpu, memory, 0, 0, ImmutableMap.of());
  }

  public static Resources of(long milliCpu, long memory, long pods) {
    return new Resources(milliCpu, memory, 0, pods, ImmutableMap.of());
  }

  public long scalar(String name) {
    return scalars.getOrDefault(name, 0L);
  }

  public boolean isZero() {
    return milliCpu == 0 && memory == 0 && ephemeralStorage == 0 && scalars.values().stream().allMatch(v -> v == 0);
  }

  public Resources plus(Resources o) {
    return new Resources(
        milliCpu + o.milliCpu,
        memory + o.memory,
        ephemeralStorage + o.ephemeralStorage,
        pods + o.pods,
        combine(scalars, o.scalars, 1));
  }

  public Resources minus(Resources o) {
    return new Resources(
        milliCpu - o.milliCpu,
        memory - o.memory,
        ephemeralStorage - o.ephemeralStorage,
        pods - o.pods,
        combine(scalars, o.scalars, -1));
  }

  /** Per-resource maximum: the effective request of init containers against regular ones. */
  public Resources max(Resources o) {
    ImmutableMap.Builder<String, Long> b = ImmutableMap.builder();
    Map<String, Long> merged = new java.util.TreeMap<>(scalars);
    o.scalars.forEach((k, v) -> merged.merge(k, v, Math::max));
    b.putAll(merged);
    return new Resources(
        Math.max(milliCpu, o.milliCpu),
        Math.max(memory, o.memory),
        Math.max(ephemeralStorage, o.ephemeralStorage),
        Math.max(pods, o.pods),
        b.build());
  }

  private static ImmutableMap<String, Long> combine(
      ImmutableMap<String, Long> a, ImmutableMap<String, Long> b, int sign) {
    if (b.isEmpty()) {
      return a;
    }
    Map<String, Long> m = new java.util.TreeMap<>(a);
    b.forEach((k, v) -> m.merge(k, sign * v, Long::sum));
    return ImmutableMap.copyOf(m);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append("cpu=").append(milliCpu).append("m memory=").append(memory);
    if (ephemeralStorage != 0) s.append(" ephemeral-storage=").append(ephemeralStorage);
    if (pods != 0) s.append(" pods=").append(pods);
    scalars.forEach((k, v) -> s.append(' ').append(k).append('=').append(v));
    return s.toString();
  }
}
