package io.hns.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A request the API refuses, answered as a Kubernetes {@code Status} (metav1.Status) with the
 * HTTP code, reason and message the real API server uses for the same case.
 */
public final class ApiException extends RuntimeException {
  private final int code;
  private final String reason;
  private final String kind;
  private final String name;
  private final String group;
  private final String causeField;

  public ApiException(int code, String reason, String message) {
    this(code, reason, message, null, null, null, null);
  }

  private ApiException(int code, String reason, String message, String group, String kind, String name, String causeField) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.group = group;
    this.kind = kind;
    this.name = name;
    this.causeField = causeField;
  }

  public int code() {
    return code;
  }

  public String reason() {
    return reason;
  }

  static ApiException notFound(ResourceType t, String name) {
    return new ApiException(404, "NotFound", t.qualified() + " \"" + name + "\" not found", t.group(), t.name(), name, null);
  }

  static ApiException alreadyExists(ResourceType t, String name) {
    return new ApiException(409, "AlreadyExists", t.qualified() + " \"" + name + "\" already exists", t.group(), t.name(), name, null);
  }

  static ApiException conflict(ResourceType t, String name) {
    return new ApiException(409, "Conflict", "Operation cannot be fulfilled on " + t.qualified() + " \"" + name
        + "\": the object has been modified; please apply your changes to the latest version and try again",
        t.group(), t.name(), name, null);
  }

  /** 422: {@code <Kind> "<name>" is invalid: <field>: <detail>}. */
  static ApiException invalid(ResourceType t, String name, String field, String detail) {
    String n = name == null || name.isEmpty() ? "" : " \"" + name + "\"";
    return new ApiException(422, "Invalid", t.kind() + n + " is invalid: " + (field == null ? "" : field + ": ") + detail,
        t.group(), t.kind(), name, field == null ? "" : field);
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  static ApiException methodNotAllowed(String message) {
    return new ApiException(405, "MethodNotAllowed", message);
  }

  static ApiException forbidden(ResourceType t, String name, String message) {
    return new ApiException(403, "Forbidden", t.qualified() + " \"" + name + "\" is forbidden: " + message,
        t.group(), t.name(), name, null);
  }

  static ApiException unsupportedMediaType(String type) {
    return new ApiException(415, "UnsupportedMediaType", "the body of the request was in an unknown format - accepted media types include: "
        + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got "
        + type + ")");
  }

  static ApiException gone(String message) {
    return new ApiException(410, "Expired", message);
  }

  /** The {@code Status} object. */
  ObjectNode status() {
    return status(code, reason, getMessage(), group, kind, name, causeField);
  }

  static ObjectNode status(int code, String reason, String message, String group, String kind, String name, String causeField) {
    ObjectNode s = Json.object();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", code < 400 ? "Success" : "Failure");
    s.put("message", message);
    if (reason != null && !reason.isEmpty()) {
      s.put("reason", reason);
    }
    if (kind != null || name != null) {
      ObjectNode d = s.putObject("details");
      if (name != null && !name.isEmpty()) d.put("name", name);
      if (group != null && !group.isEmpty()) d.put("group", group);
      if (kind != null) d.put("kind", kind);
      if (causeField != null) {
        ArrayNode causes = d.putArray("causes");
        ObjectNode c = causes.addObject();
        c.put("reason", "FieldValueInvalid");
        c.put("message", message);
        if (!causeField.isEmpty()) c.put("field", causeField);
      }
    }
    s.put("code", code);
    return s;
  }
}
