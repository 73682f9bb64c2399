package io.hns.model.replicaset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A stable merge sort that tolerates comparators which are not transitive.
 *
 * <p>Upstream sorts with Go's {@code sort.Sort}, which is not stable, so pods that compare equal
 * may come out in any order. We keep them in input order instead, which makes the simulator
 * deterministic. {@code List.sort} would be stable too, but its TimSort may throw "Comparison
 * method violates its general contract" when the comparator is inconsistent, as
 * {@code ActivePodsWithRanks.Less} can be; this sort just produces some order.
 */
final class StableSort {
  private StableSort() {}

  static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
    List<T> out = new ArrayList<>(items);
    if (out.size() > 1) {
      mergeSort(out, new ArrayList<>(out), 0, out.size(), order);
    }
    return out;
  }

  /** Sorts {@code a[from, to)} using {@code scratch} (same contents) as the merge buffer. */
  private static <T> void mergeSort(List<T> a, List<T> scratch, int from, int to, Comparator<? super T> order) {
    if (to - from < 2) {
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, scratch, from, mid, order);
    mergeSort(a, scratch, mid, to, order);
    for (int i = from; i < to; i++) {
      scratch.set(i, a.get(i));
    }
    int left = from;
    int right = mid;
    for (int k = from; k < to; k++) {
      // Take from the right only when strictly smaller: that keeps equal items in input order.
      boolean takeRight = left >= mid
          || (right < to && order.compare(scratch.get(right), scratch.get(left)) < 0);
      a.set(k, takeRight ? scratch.get(right++) : scratch.get(left++));
    }
  }
}
