package io.hns.model.manifest;

/**
 * Bad input in a manifest: the message names the file and, where known, the line or the field.
 * Commands turn it into exit code 2 and one line on standard error.
 */
public final class ManifestException extends RuntimeException {
  public ManifestException(String message) {
    super(message);
  }

  public ManifestException(String message, Throwable cause) {
    super(message, cause);
  }
}
