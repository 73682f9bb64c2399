package io.hns.model.replicaset;

import io.hns.model.cluster.Pod;

/**
 * The {@code controller.kubernetes.io/pod-deletion-cost} annotation as
 * {@code GetDeletionCostFromPodAnnotations} reads it (k8s pkg/apis/core/helper): an int32 in
 * base 10; missing or invalid means 0.
 */
public final class PodDeletionCost {
  private PodDeletionCost() {}

  public static int of(Pod pod) {
    return parse(pod.annotations().get(Pod.DELETION_COST_ANNOTATION));
  }

  /** The cost written in {@code value}; 0 when it is null or not a valid int32. */
  public static int parse(String value) {
    if (value == null || !validFirstCharacter(value)) {
      return 0;
    }
    // Go's strconv.ParseInt(value, 10, 32): an optional '-' then ASCII digits only (Java's
    // Integer.parseInt would also take other Unicode digits), leading zeros allowed after '-',
    // and anything outside int32 is an error, which upstream turns into 0.
    boolean negative = value.charAt(0) == '-';
    int start = negative ? 1 : 0;
    if (start == value.length()) {
      return 0;
    }
    long magnitude = 0;
    for (int i = start; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      magnitude = magnitude * 10 + (c - '0');
      if (magnitude > 1L + Integer.MAX_VALUE) {
        return 0;
      }
    }
    long parsed = negative ? -magnitude : magnitude;
    return parsed > Integer.MAX_VALUE ? 0 : (int) parsed;
  }

  /** Upstream's validFirstDigit: rejects "+10" and leading zeros such as "008" (but not "-008"). */
  private static boolean validFirstCharacter(String value) {
    if (value.isEmpty()) {
      return false;
    }
    char first = value.charAt(0);
    return first == '-' || value.equals("0") || (first >= '1' && first <= '9');
  }
}
