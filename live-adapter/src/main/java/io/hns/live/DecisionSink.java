package io.hns.live;

/** Where decisions go: the terminal in dry run, the log, metrics, tests. */
@FunctionalInterface
public interface DecisionSink {
  void accept(Decision decision);

  default DecisionSink and(DecisionSink other) {
    return d -> {
      accept(d);
      other.accept(d);
    };
  }
}
