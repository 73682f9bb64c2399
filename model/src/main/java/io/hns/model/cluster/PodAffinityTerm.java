package io.hns.model.cluster;

import com.google.common.collect.ImmutableSet;

/**
 * A pod (anti-)affinity term: pods matching {@code selector} in {@code namespaces} (empty means the
 * pod's own namespace) within the same {@code topologyKey} domain. {@code weight} is 0 for a
 * required term.
 */
public record PodAffinityTerm(
    LabelSelector selector, ImmutableSet<String> namespaces, String topologyKey, int weight) {}
