package io.hns.model.cluster;

/** A node taint. */
public record Taint(String key, String value, TaintEffect effect) {
  public Taint {
    key = Labels.intern(key);
    value = value == null ? "" : Labels.intern(value);
  }

  /** The form kube-scheduler prints in "untolerated taint" messages: {@code {key: value}}. */
  @Override
  public String toString() {
    return "{" + key + ": " + value + "}";
  }
}
