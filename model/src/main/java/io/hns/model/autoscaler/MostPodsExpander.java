package io.hns.model.autoscaler;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** CA {@code expander/mostpods}: the options that would schedule the most pods, ties at random. */
final class MostPodsExpander implements Expander {
  private final RandomExpander fallback = new RandomExpander();

  @Override
  public ExpansionOption bestOption(List<ExpansionOption> options, RandomGenerator random) {
    int most = -1;
    List<ExpansionOption> best = new ArrayList<>();
    for (ExpansionOption o : options) {
      int n = o.pods().size();
      if (n > most) {
        most = n;
        best.clear();
      }
      if (n == most) {
        best.add(o);
      }
    }
    return fallback.bestOption(best, random);
  }
}
