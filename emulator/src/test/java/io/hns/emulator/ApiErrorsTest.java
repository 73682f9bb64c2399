package io.hns.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed and refused requests get Kubernetes Status errors with the API server's codes and
 * reasons (400 BadRequest, 404 NotFound, 405 MethodNotAllowed, 409 AlreadyExists / Conflict,
 * 403 Forbidden, 415 UnsupportedMediaType, 422 Invalid), and leave the emulator serving.
 */
class ApiErrorsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Emulator emulator;
  static HttpClient http;

  @BeforeAll
  static void start() {
    emulator = Emulator.start("builtin:seed", 0, 50);
    http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  record Reply(int code, JsonNode body) {}

  static Reply call(String method, String path, String contentType, String body) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + path)).timeout(Duration.ofSeconds(10));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    return new Reply(r.statusCode(), JSON.readTree(r.body()));
  }

  static void assertStatus(Reply r, int code, String reason, String messagePart) {
    assertThat(r.code()).as("HTTP code of %s", r.body()).isEqualTo(code);
    assertThat(r.body().path("kind").asText()).isEqualTo("Status");
    assertThat(r.body().path("apiVersion").asText()).isEqualTo("v1");
    assertThat(r.body().path("status").asText()).isEqualTo("Failure");
    assertThat(r.body().path("code").asInt()).isEqualTo(code);
    assertThat(r.body().path("reason").asText()).isEqualTo(reason);
    assertThat(r.body().path("message").asText()).contains(messagePart);
  }

  static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
       "spec":{"replicas":1,"selector":{"matchLabels":{"app":"web"}},
               "template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"c","image":"nginx"}]}}}}
      """;

  @Test
  void unknownPathsAndObjectsAreNotFound() throws Exception {
    assertStatus(call("GET", "/apis/nonexistent.example.com/v1", null, null), 404, "NotFound", "could not find the requested resource");
    assertStatus(call("GET", "/api/v1/widgets", null, null), 404, "NotFound", "could not find");
    assertStatus(call("GET", "/api/v1/namespaces/default/pods/nope", null, null), 404, "NotFound", "pods \"nope\" not found");
    assertStatus(call("GET", "/apis/apps/v1/namespaces/default/deployments/nope/scale", null, null), 404, "NotFound",
        "deployments.apps \"nope\" not found");
    assertStatus(call("POST", "/api/v1/namespaces/nope/configmaps", "application/json", "{\"metadata\":{\"name\":\"c\"}}"),
        404, "NotFound", "namespaces \"nope\" not found");
    assertStatus(call("GET", "/openapi/v9", null, null), 404, "NotFound", "could not find");
  }

  @Test
  void malformedBodiesAreBadRequests() throws Exception {
    assertStatus(call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json", "{\"metadata\": "),
        400, "BadRequest", "could not be decoded");
    assertStatus(call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json", "[1, 2]"),
        400, "BadRequest", "must be an object");
    assertStatus(call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}"), 400, "BadRequest", "does not match");
    assertStatus(call("POST", "/apis/apps/v1/namespaces/kube-system/deployments", "application/json",
        DEPLOYMENT.replace("\"name\":\"web\"}", "\"name\":\"web\",\"namespace\":\"default\"}")), 400, "BadRequest",
        "namespace of the provided object does not match");
    assertStatus(call("GET", "/api/v1/pods?labelSelector=app%20in%20(a", null, null), 400, "BadRequest", "unable to parse");
    assertStatus(call("GET", "/api/v1/pods?fieldSelector=spec.nodeName", null, null), 400, "BadRequest", "invalid selector");
    assertStatus(call("POST", "/api/v1/namespaces/default/pods", "application/vnd.kubernetes.protobuf", "not protobuf"),
        400, "BadRequest", "protobuf");
  }

  @Test
  void invalidObjectsAreUnprocessable() throws Exception {
    assertStatus(call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
        DEPLOYMENT.replace("\"selector\":{\"matchLabels\":{\"app\":\"web\"}},", "")), 422, "Invalid", "spec.selector is required");
    assertStatus(call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
        DEPLOYMENT.replace("\"app\":\"web\"}},\"spec\"", "\"app\":\"other\"}},\"spec\"")), 422, "Invalid",
        "selector does not match");
    assertStatus(call("POST", "/api/v1/namespaces/default/pods", "application/json",
        "{\"metadata\":{\"name\":\"Not_A_Name\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"x\"}]}}"),
        422, "Invalid", "RFC 1123");
    assertStatus(call("POST", "/api/v1/namespaces/default/pods", "application/json", "{\"metadata\":{\"name\":\"p\"},\"spec\":{}}"),
        422, "Invalid", "spec.containers");
    assertStatus(call("POST", "/api/v1/namespaces/default/configmaps", "application/json", "{\"data\":{}}"),
        422, "Invalid", "name or generateName is required");
    assertStatus(call("POST", "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers", "application/json",
        "{\"metadata\":{\"name\":\"h\"},\"spec\":{\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"web\"},"
            + "\"minReplicas\":5,\"maxReplicas\":2}}"), 422, "Invalid", "HorizontalPodAutoscaler \"h\" is invalid");
  }

  @Test
  void conflictsAndRefusals() throws Exception {
    Reply created = call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
        DEPLOYMENT.replace("\"web\"", "\"conflict\""));
    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().path("metadata").path("uid").asText()).isNotEmpty();
    assertStatus(call("POST", "/apis/apps/v1/namespaces/default/deployments", "application/json",
        DEPLOYMENT.replace("\"web\"", "\"conflict\"")), 409, "AlreadyExists", "deployments.apps \"conflict\" already exists");
    String stale = DEPLOYMENT.replace("\"web\"", "\"conflict\"").replace("\"name\":\"conflict\"}",
        "\"name\":\"conflict\",\"resourceVersion\":\"1\"}");
    assertStatus(call("PUT", "/apis/apps/v1/namespaces/default/deployments/conflict", "application/json", stale),
        409, "Conflict", "the object has been modified");
    assertStatus(call("PATCH", "/apis/apps/v1/namespaces/default/deployments/conflict", "text/plain", "{}"),
        415, "UnsupportedMediaType", "unknown format");
    assertStatus(call("PATCH", "/apis/apps/v1/namespaces/default/deployments/conflict/scale",
        "application/merge-patch+json", "{\"spec\":{\"replicas\":-3}}"), 422, "Invalid", "greater than or equal to 0");
    assertStatus(call("PATCH", "/apis/apps/v1/namespaces/default/deployments/conflict", "application/json-patch+json",
        "[{\"op\":\"remove\",\"path\":\"/spec/nothing\"}]"), 422, "Invalid", "does not exist");
    assertStatus(call("DELETE", "/api/v1/namespaces/kube-system", null, null), 403, "Forbidden", "may not be deleted");
    assertStatus(call("POST", "/api/v1/namespaces/default/pods/x", "application/json", "{}"), 405, "MethodNotAllowed", "POST");
    assertStatus(call("PUT", "/apis/metrics.k8s.io/v1beta1/nodes/x", "application/json", "{}"), 405, "MethodNotAllowed", "read-only");
    assertStatus(call("DELETE", "/apis/events.k8s.io/v1/namespaces/default/events/x", null, null), 405, "MethodNotAllowed",
        "delete");

    // After all that, the emulator still serves, and the valid object is there with its status.
    Reply scale = call("GET", "/apis/apps/v1/namespaces/default/deployments/conflict/scale", null, null);
    assertThat(scale.code()).isEqualTo(200);
    assertThat(scale.body().path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.body().path("spec").path("replicas").asInt()).isEqualTo(1);
    assertThat(scale.body().path("status").path("selector").asText()).isEqualTo("app=conflict");
  }

  @Test
  void discoveryAndVersion() throws Exception {
    Reply version = call("GET", "/version", null, null);
    assertThat(version.body().path("gitVersion").asText()).isEqualTo("v1.19.9");
    Reply apps = call("GET", "/apis/apps/v1", null, null);
    assertThat(apps.body().path("kind").asText()).isEqualTo("APIResourceList");
    assertThat(apps.body().toString()).contains("\"deployments/scale\"", "\"deploy\"", "\"rs\"", "\"Scale\"");
    Reply core = call("GET", "/api/v1", null, null);
    assertThat(core.body().toString()).contains("\"pods/eviction\"", "\"po\"", "\"no\"", "\"ns\"", "\"ev\"");
    Reply groups = call("GET", "/apis", null, null);
    assertThat(groups.body().toString()).contains("autoscaling/v2", "autoscaling/v1", "policy/v1", "coordination.k8s.io/v1",
        "metrics.k8s.io/v1beta1", "events.k8s.io/v1");
  }
}
