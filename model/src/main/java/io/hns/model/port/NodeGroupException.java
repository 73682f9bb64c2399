package io.hns.model.port;

/**
 * A cloud refusal of a node group operation, with the error class CA uses for backoff
 * ({@code OutOfResourcesErrorClass} for quota, {@code OtherErrorClass} otherwise) and the cloud's code,
 * for example {@code QuotaExceeded} or {@code Throttled}.
 */
public final class NodeGroupException extends Exception {
  public enum ErrorClass {
    OUT_OF_RESOURCES,
    OTHER
  }

  private final ErrorClass errorClass;
  private final String code;

  public NodeGroupException(ErrorClass errorClass, String code, String message) {
    super(message);
    this.errorClass = errorClass;
    this.code = code;
  }

  public ErrorClass errorClass() {
    return errorClass;
  }

  public String code() {
    return code;
  }
}
