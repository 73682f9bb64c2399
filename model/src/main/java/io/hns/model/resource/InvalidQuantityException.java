package io.hns.model.resource;

/** A Kubernetes quantity string that does not parse, or a value out of range for its use. */
public final class InvalidQuantityException extends IllegalArgumentException {
  private final String input;

  public InvalidQuantityException(String input, String reason) {
    super("invalid quantity \"" + input + "\": " + reason);
    this.input = input;
  }

  public String input() {
    return input;
  }
}
