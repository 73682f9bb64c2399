package io.hns.emulator;

import static io.hns.emulator.ApiErrorsTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What fabric8 (the live adapter's client) asks of the API beyond kubectl, each found by running
 * {@code hns live} against the emulator (cli LiveAgainstEmulatorTest): a watch asked over WebSocket
 * first, a pod created and read back in the same request, and an eviction that a
 * PodDisruptionBudget refuses.
 */
class Fabric8RequestsTest {
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

  private static HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.url() + path)).timeout(Duration.ofSeconds(10));
    if (contentType != null) b.header("Content-Type", contentType);
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String pod(String name, String app) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"%s"}},
         "spec":{"containers":[{"name":"c","image":"nginx","resources":{"requests":{"cpu":"100m"}}}]}}
        """.formatted(name, app);
  }

  /** The response to a raw HTTP/1.1 request (the JDK client refuses to send Upgrade headers). */
  private static List<String> raw(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", emulator.port())) {
      s.setSoTimeout(5_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      List<String> lines = new ArrayList<>();
      int length = -1;
      for (String l = in.readLine(); l != null && !l.isEmpty(); l = in.readLine()) {
        lines.add(l);
        if (l.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(l.substring(15).trim());
      }
      assertThat(length).as("a complete response, not a stream: %s", lines).isPositive();
      char[] body = new char[length];
      int read = 0;
      while (read < length) read += in.read(body, read, length - read);
      lines.add(new String(body));
      return lines;
    }
  }

  @Test
  void aWebSocketWatchIsRefusedWithAShortOkSoThatFabric8FallsBackToAStreamingGet() throws Exception {
    List<String> r = raw("GET /api/v1/namespaces/default/pods?allowWatchBookmarks=true&watch=true HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    // 200 (or 503) is what fabric8 takes for "no WebSocket here, use a hanging GET"; a 101 would need
    // an upgrade the JDK's HTTP server cannot do, and a streamed 200 would never end the handshake.
    assertThat(r.get(0)).isEqualTo("HTTP/1.1 200 OK");
    JsonNode status = JSON.readTree(r.get(r.size() - 1));
    assertThat(status.path("kind").asText()).isEqualTo("Status");
    assertThat(status.path("message").asText()).contains("streaming HTTP, not over WebSocket");

    // The same watch without Upgrade streams, as kubectl and fabric8's fallback use it.
    HttpResponse<java.io.InputStream> w = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
        + "/api/v1/nodes?watch=true&timeoutSeconds=1")).build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(w.statusCode()).isEqualTo(200);
    try (var in = new BufferedReader(new InputStreamReader(w.body(), StandardCharsets.UTF_8))) {
      assertThat(JSON.readTree(in.readLine()).path("type").asText()).isEqualTo("ADDED");
    }
  }

  @Test
  void aCreatedPodIsReturnedAtOnceAndAnUpdateReturnsTheNewObject() throws Exception {
    // fabric8's create() reads the pod from the response: it must be the pod, which the simulated
    // cluster holds before the store does (it used to be a 404).
    HttpResponse<String> created = call("POST", "/api/v1/namespaces/default/pods", "application/json", pod("made", "made"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode p = JSON.readTree(created.body());
    assertThat(p.path("metadata").path("name").asText()).isEqualTo("made");
    assertThat(p.path("metadata").path("uid").asText()).isNotEmpty();
    assertThat(p.path("status").path("phase").asText()).isNotEmpty();

    HttpResponse<String> patched = call("PATCH", "/api/v1/namespaces/default/pods/made", "application/merge-patch+json",
        "{\"metadata\":{\"annotations\":{\"controller.kubernetes.io/pod-deletion-cost\":\"-5\"}}}");
    assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
    assertThat(JSON.readTree(patched.body()).path("metadata").path("annotations")
        .path("controller.kubernetes.io/pod-deletion-cost").asText()).isEqualTo("-5");
  }

  @Test
  void anEvictionThatADisruptionBudgetForbidsIs429AndOthersGoThrough() throws Exception {
    for (String n : List.of("guarded-0", "guarded-1")) {
      assertThat(call("POST", "/api/v1/namespaces/default/pods", "application/json", pod(n, "guarded")).statusCode()).isEqualTo(201);
    }
    assertThat(call("POST", "/api/v1/namespaces/default/pods", "application/json", pod("free", "free")).statusCode()).isEqualTo(201);
    assertThat(call("POST", "/apis/policy/v1/namespaces/default/poddisruptionbudgets", "application/json", """
        {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"guarded"},
         "spec":{"minAvailable":2,"selector":{"matchLabels":{"app":"guarded"}}}}
        """).statusCode()).isEqualTo(201);
    String eviction = "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"%s\",\"namespace\":\"default\"}}";

    HttpResponse<String> refused = call("POST", "/api/v1/namespaces/default/pods/guarded-0/eviction", "application/json",
        eviction.formatted("guarded-0"));
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(JSON.readTree(refused.body()).path("reason").asText()).isEqualTo("TooManyRequests");
    assertThat(JSON.readTree(refused.body()).path("message").asText()).contains("disruption budget");
    assertThat(call("GET", "/api/v1/namespaces/default/pods/guarded-0", null, null).statusCode()).isEqualTo(200);

    assertThat(call("POST", "/api/v1/namespaces/default/pods/free/eviction", "application/json", eviction.formatted("free"))
        .statusCode()).isEqualTo(201);
  }
}
