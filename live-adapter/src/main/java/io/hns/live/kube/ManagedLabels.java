package io.hns.live.kube;

/**
 * Labels on what hns creates, so a later process (this one restarted, or the next leader) can find
 * its placeholders and remove or adopt them.
 */
public final class ManagedLabels {
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "hns";
  public static final String REASON_ANNOTATION = "hns.io/reason";

  private ManagedLabels() {}

  public static String selector() {
    return MANAGED_BY + "=" + MANAGED_BY_VALUE;
  }
}
