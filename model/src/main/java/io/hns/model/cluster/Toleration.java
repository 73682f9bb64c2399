package io.hns.model.cluster;

/**
 * A pod toleration, matched as {@code Toleration.ToleratesTaint} in
 * staging/src/k8s.io/api/core/v1/toleration.go: the effect must be empty or equal, the key empty
 * or equal, and the operator {@code Exists} (any value) or {@code Equal}/empty (equal value). Any
 * other operator tolerates nothing. {@code tolerationSeconds} does not affect scheduling.
 */
public record Toleration(String key, Operator operator, String value, TaintEffect effect) {

  public enum Operator {
    EQUAL,
    EXISTS,
    /** An operator the API does not know: it never matches. */
    UNKNOWN;

    public static Operator parse(String s) {
      if (s == null || s.isEmpty() || s.equals("Equal")) {
        return EQUAL;
      }
      return s.equals("Exists") ? EXISTS : UNKNOWN;
    }
  }

  public Toleration {
    key = key == null ? "" : key;
    value = value == null ? "" : value;
  }

  public static Toleration exists(String key) {
    return new Toleration(key, Operator.EXISTS, "", null);
  }

  public boolean tolerates(Taint taint) {
    if (effect != null && effect != taint.effect()) {
      return false;
    }
    if (!key.isEmpty() && !key.equals(taint.key())) {
      return false;
    }
    return switch (operator) {
      case EXISTS -> true;
      case EQUAL -> value.equals(taint.value());
      case UNKNOWN -> false;
    };
  }
}
