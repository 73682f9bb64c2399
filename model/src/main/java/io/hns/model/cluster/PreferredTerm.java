package io.hns.model.cluster;

/** A {@code preferredDuringSchedulingIgnoredDuringExecution} entry: a weight and a term. */
public record PreferredTerm(int weight, NodeSelectorTerm term) {}
