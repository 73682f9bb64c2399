package io.hns.model.scheduler;

/** A score plugin with its weight in a profile. */
public record WeightedScorer(ScorePlugin plugin, int weight) {}
