package io.hns.model.scheduler.reference;

/**
 * REFERENCE COPY (commit 9e0c0f5, before issue 7's performance work) for differential tests.
 *
 * <p>{@code helper.DefaultNormalizeScore} (pkg/scheduler/framework/plugins/helper/normalize_score.go). */
final class RefNormalize {
  static final long MAX_NODE_SCORE = 100;

  private RefNormalize() {}

  static void defaultNormalize(long[] scores, boolean reverse) {
    long max = 0;
    for (long s : scores) {
      max = Math.max(max, s);
    }
    if (max == 0) {
      if (reverse) {
        java.util.Arrays.fill(scores, MAX_NODE_SCORE);
      }
      return;
    }
    for (int i = 0; i < scores.length; i++) {
      long s = MAX_NODE_SCORE * scores[i] / max;
      scores[i] = reverse ? MAX_NODE_SCORE - s : s;
    }
  }
}
