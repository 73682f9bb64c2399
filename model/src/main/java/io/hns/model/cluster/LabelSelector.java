package io.hns.model.cluster;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/**
 * A metav1 LabelSelector (matchLabels and matchExpressions) as {@code LabelSelectorAsSelector}
 * builds it: an empty selector matches everything; {@link #NOTHING} (a nil selector) matches
 * nothing.
 */
public record LabelSelector(
    ImmutableMap<String, String> matchLabels, ImmutableList<LabelRequirement> expressions, boolean matchesNothing) {

  public static final LabelSelector NOTHING = new LabelSelector(ImmutableMap.of(), ImmutableList.of(), true);
  public static final LabelSelector EVERYTHING = new LabelSelector(ImmutableMap.of(), ImmutableList.of(), false);

  public static LabelSelector of(java.util.Map<String, String> matchLabels, java.util.List<LabelRequirement> expressions) {
    return new LabelSelector(ImmutableMap.copyOf(matchLabels), ImmutableList.copyOf(expressions), false);
  }

  public static LabelSelector matchLabels(String... kv) {
    return of(Labels.of(kv).asMap(), ImmutableList.of());
  }

  public boolean matches(Labels labels) {
    if (matchesNothing) {
      return false;
    }
    if (!labels.containsAll(matchLabels)) {
      return false;
    }
    for (LabelRequirement r : expressions) {
      if (!r.matches(labels)) {
        return false;
      }
    }
    return true;
  }
}
