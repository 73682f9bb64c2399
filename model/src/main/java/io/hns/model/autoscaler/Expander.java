package io.hns.model.autoscaler;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks the scale-up option to carry out (CA {@code expander/expander.go}). Every strategy narrows
 * the options to its best ones and lets {@link RandomExpander} break the ties, as upstream's
 * fallback strategies do.
 */
interface Expander {
  /** The chosen option, or null when there is none. */
  ExpansionOption bestOption(List<ExpansionOption> options, RandomGenerator random);

  static Expander forConfig(AutoscalerConfig config) {
    return switch (config.expander()) {
      case RANDOM -> new RandomExpander();
      case MOST_PODS -> new MostPodsExpander();
      case LEAST_WASTE -> new LeastWasteExpander();
      case PRIORITY -> new PriorityExpander(config.expanderPriorities());
    };
  }
}
