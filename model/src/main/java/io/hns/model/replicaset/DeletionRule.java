package io.hns.model.replicaset;

/**
 * The rules of {@code ActivePodsWithRanks.Less} (k8s pkg/controller/controller_utils.go), in the
 * order they are tried, with LogarithmicScaleDown and PodDeletionCost enabled (their defaults).
 */
public enum DeletionRule {
  UNASSIGNED("1", "unassigned before assigned"),
  PHASE("2", "Pending < Unknown < Running"),
  NOT_READY("3", "not ready before ready"),
  DELETION_COST("4", "lower pod-deletion-cost first"),
  RANK("5", "more co-located related pods first"),
  READY_TIME("6", "more recently ready first; log2 age buckets, then UID"),
  RESTARTS("7", "more container restarts first"),
  CREATION_TIME("8", "more recently created first; log2 age buckets, then UID"),
  EQUAL("9", "no rule distinguishes the pods");

  private final String number;
  private final String description;

  DeletionRule(String number, String description) {
    this.number = number;
    this.description = description;
  }

  /** The rule's number in the upstream comments ("// 4. lower pod-deletion-cost ..."). */
  public String number() {
    return number;
  }

  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return "rule " + number + " (" + description + ")";
  }
}
