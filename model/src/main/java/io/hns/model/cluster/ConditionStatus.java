package io.hns.model.cluster;

/** A pod condition's status; {@link #ABSENT} when the pod has no such condition. */
public enum ConditionStatus {
  ABSENT,
  TRUE,
  FALSE,
  UNKNOWN;

  public static ConditionStatus parse(String s) {
    if (s == null) {
      return ABSENT;
    }
    return switch (s) {
      case "True" -> TRUE;
      case "False" -> FALSE;
      default -> UNKNOWN;
    };
  }
}
