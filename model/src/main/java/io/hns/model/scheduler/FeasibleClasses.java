package io.hns.model.scheduler;

import java.util.List;

/**
 * The equivalence classes of the feasible nodes of a cycle ({@link NodeClasses}): nodes of a class
 * are equal but for their name and hostname label. Score plugins may read facts that are equal
 * across a class (other labels, taints, allocatable, sums of requests, the count of the pod's
 * controller's pods) once per class from its representative.
 *
 * @param feasible the feasible nodes, in the order scores are indexed
 * @param representatives the first feasible node of each class, in order of appearance
 * @param classOf for each feasible node, the index of its class in {@code representatives}
 */
public record FeasibleClasses(List<NodeInfo> feasible, List<NodeInfo> representatives, int[] classOf) {
  /** Whether {@code nodes} is the very list these classes index (scores passed along with it). */
  public boolean indexes(List<NodeInfo> nodes) {
    return nodes == feasible;
  }
}
