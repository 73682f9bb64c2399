package io.hns.model.hpa;

import com.google.common.collect.ImmutableSet;

/**
 * How replica_calculator.go groupPods sorted the target's pods for one metric (pod names).
 *
 * @param readyCount pods whose sample counts as it is
 * @param unready pending pods, and for cpu pods still initializing or never ready; their samples are
 *     set aside, and count as 0 on a scale-up
 * @param missing pods without a sample; they count as 0 on a scale-up and as their full request (or
 *     the target) on a scale-down
 * @param ignored pods being deleted or failed; dropped entirely
 */
public record PodGroups(int readyCount, ImmutableSet<String> unready, ImmutableSet<String> missing, ImmutableSet<String> ignored) {}
