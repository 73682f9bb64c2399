package io.hns.model.autoscaler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * CA {@code expander/priority}: each option gets the highest priority whose regular expression
 * matches anywhere in its node group id; the options at the top priority win, ties at random.
 * Options no expression matches are dropped; when no option matches at all, the choice falls back to
 * random among all (upstream logs a {@code PriorityConfigMapNoGroupMatched} warning). As upstream,
 * the running maximum starts at −1, so negative priorities never win.
 */
final class PriorityExpander implements Expander {
  private final Map<Pattern, Integer> priorities = new LinkedHashMap<>();
  private final RandomExpander fallback = new RandomExpander();

  PriorityExpander(Map<String, Integer> regexToPriority) {
    regexToPriority.forEach((re, prio) -> priorities.put(Pattern.compile(re), prio));
  }

  @Override
  public ExpansionOption bestOption(List<ExpansionOption> options, RandomGenerator random) {
    if (options.isEmpty()) {
      return null;
    }
    int maxPrio = -1;
    List<ExpansionOption> best = new ArrayList<>();
    for (ExpansionOption o : options) {
      int prio = priorityOf(o.group().id());
      if (prio < maxPrio || prio == Integer.MIN_VALUE) {
        continue;
      }
      if (prio > maxPrio) {
        maxPrio = prio;
        best.clear();
      }
      best.add(o);
    }
    return fallback.bestOption(best.isEmpty() ? options : best, random);
  }

  /** The highest matching priority, or {@link Integer#MIN_VALUE} when none matches. */
  int priorityOf(String groupId) {
    int p = Integer.MIN_VALUE;
    for (Map.Entry<Pattern, Integer> e : priorities.entrySet()) {
      if (e.getKey().matcher(groupId).find()) {
        p = Math.max(p, e.getValue());
      }
    }
    return p;
  }
}
