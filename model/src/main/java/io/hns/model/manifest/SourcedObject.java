package io.hns.model.manifest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Kubernetes object read from a file, with where it came from.
 *
 * @param where a human description of its place: {@code file:line} of its document, plus the list
 *     index when it came from a List
 */
public record SourcedObject(String kind, String apiVersion, JsonNode tree, String where) {

  public String name() {
    JsonNode n = tree.path("metadata").path("name");
    return n.isTextual() ? n.asText() : "";
  }

  public String namespace() {
    JsonNode n = tree.path("metadata").path("namespace");
    return n.isTextual() && !n.asText().isEmpty() ? n.asText() : "default";
  }

  /** "file:3 (Node aks-1)": the prefix for error messages about this object. */
  public String describe() {
    return where + " (" + kind + (name().isEmpty() ? "" : " " + name()) + ")";
  }
}
