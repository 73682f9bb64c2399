package io.hns.model.policy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A policy's parameters as written in a scenario or a policy config file, read with types and
 * defaults; an unknown name or a wrong type is an error naming the parameter.
 */
public final class PolicyParameters {
  private final String policy;
  private final Map<String, Object> values;

  public PolicyParameters(String policy, Map<String, Object> values, Set<String> known) {
    this.policy = policy;
    this.values = values == null ? Map.of() : values;
    for (String k : this.values.keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException("policy " + policy + " has no parameter \"" + k + "\""
            + (known.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", new TreeSet<>(known)) + ")"));
      }
    }
  }

  public int integer(String key, int dflt, int min, int max) {
    Object v = values.get(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw bad(key, "an integer", v);
    }
    int i = n.intValue();
    if (i < min || i > max) {
      throw new IllegalArgumentException("policy " + policy + " parameter " + key + ": " + i + " is outside [" + min + ", " + max + "]");
    }
    return i;
  }

  public double number(String key, double dflt, double min, double max) {
    Object v = values.get(key);
    if (v == null) {
      return dflt;
    }
    if (!(v instanceof Number n)) {
      throw bad(key, "a number", v);
    }
    double d = n.doubleValue();
    if (d < min || d > max) {
      throw new IllegalArgumentException("policy " + policy + " parameter " + key + ": " + d + " is outside [" + min + ", " + max + "]");
    }
    return d;
  }

  public String string(String key, String dflt, Set<String> allowed) {
    Object v = values.get(key);
    if (v == null) {
      return dflt;
    }
    String s = String.valueOf(v);
    if (allowed != null && !allowed.contains(s)) {
      throw new IllegalArgumentException("policy " + policy + " parameter " + key + ": \"" + s + "\" is not one of "
          + String.join(", ", new TreeSet<>(allowed)));
    }
    return s;
  }

  /** A duration in milliseconds from {@code 10s}, {@code 2m}, or a number of seconds. */
  public long millis(String key, long dflt) {
    Object v = values.get(key);
    if (v == null) {
      return dflt;
    }
    if (v instanceof Number n) {
      return Math.round(n.doubleValue() * 1000);
    }
    String s = String.valueOf(v).trim();
    try {
      if (s.endsWith("ms")) return Long.parseLong(s.substring(0, s.length() - 2));
      if (s.endsWith("s")) return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 1000);
      if (s.endsWith("m")) return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 60_000);
      if (s.endsWith("h")) return Math.round(Double.parseDouble(s.substring(0, s.length() - 1)) * 3_600_000);
    } catch (NumberFormatException e) {
      // fall through to the error
    }
    throw bad(key, "a duration (10s, 2m, 1h)", v);
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of(String.valueOf(v));
  }

  private IllegalArgumentException bad(String key, String what, Object v) {
    return new IllegalArgumentException("policy " + policy + " parameter " + key + ": expected " + what + ", got \"" + v + "\"");
  }
}
