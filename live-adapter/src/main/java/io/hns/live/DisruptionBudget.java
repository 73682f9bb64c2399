package io.hns.live;

import io.hns.model.cluster.LabelSelector;

/**
 * A PodDisruptionBudget as the eviction API applies it: which pods it covers and how many may go
 * now ({@code status.disruptionsAllowed}, computed by the disruption controller).
 */
public record DisruptionBudget(String namespace, String name, LabelSelector selector, int disruptionsAllowed) {}
