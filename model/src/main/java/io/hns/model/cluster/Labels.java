package io.hns.model.cluster;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.Interner;
import com.google.common.collect.Interners;
import java.util.Map;

/**
 * An immutable label (or annotation) map whose keys and values are interned: a cluster holds
 * thousands of pods that share a handful of label strings, and interning keeps them once.
 */
public final class Labels {
  private static final Interner<String> STRINGS = Interners.newWeakInterner();
  public static final Labels EMPTY = new Labels(ImmutableMap.of());

  private final ImmutableMap<String, String> map;

  private Labels(ImmutableMap<String, String> map) {
    this.map = map;
  }

  public static Labels of(Map<String, String> source) {
    if (source == null || source.isEmpty()) {
      return EMPTY;
    }
    ImmutableMap.Builder<String, String> b = ImmutableMap.builderWithExpectedSize(source.size());
    source.forEach((k, v) -> b.put(intern(k), intern(v == null ? "" : v)));
    return new Labels(b.buildOrThrow());
  }

  public static Labels of(String... keyValues) {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    for (int i = 0; i < keyValues.length; i += 2) {
      b.put(keyValues[i], keyValues[i + 1]);
    }
    return of(b.buildOrThrow());
  }

  public static String intern(String s) {
    return STRINGS.intern(s);
  }

  /** The value, or null when the key is absent. */
  public String get(String key) {
    return map.get(key);
  }

  public boolean has(String key) {
    return map.containsKey(key);
  }

  public boolean isEmpty() {
    return map.isEmpty();
  }

  public ImmutableMap<String, String> asMap() {
    return map;
  }

  /** True when every entry of {@code subset} is present here with the same value. */
  public boolean containsAll(Map<String, String> subset) {
    for (Map.Entry<String, String> e : subset.entrySet()) {
      if (!e.getValue().equals(map.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  public Labels with(String key, String value) {
    Map<String, String> m = new java.util.LinkedHashMap<>(map);
    m.put(key, value);
    return of(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels l && l.map.equals(map);
  }

  @Override
  public int hashCode() {
    return map.hashCode();
  }

  @Override
  public String toString() {
    return map.toString();
  }
}
