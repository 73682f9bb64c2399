package io.hns.cli;

/** {@code --output}: a readable table for people, JSON for scripts. */
public enum OutputFormat {
  text,
  json
}
