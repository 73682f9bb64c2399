package io.hns.live.config;

/** A policy-config file that cannot be used: the message names the file and the key path. */
public final class ConfigException extends IllegalArgumentException {
  public ConfigException(String message) {
    super(message);
  }
}
