package io.hns.model.autoscaler;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * CA {@code expander/random}: a uniformly random option. The draw comes from the caller's seeded
 * stream, so a run is reproducible; a single option is returned without drawing.
 */
final class RandomExpander implements Expander {
  @Override
  public ExpansionOption bestOption(List<ExpansionOption> options, RandomGenerator random) {
    if (options.isEmpty()) {
      return null;
    }
    if (options.size() == 1) {
      return options.get(0);
    }
    return options.get(random.nextInt(options.size()));
  }
}
