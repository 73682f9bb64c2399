package io.hns.live.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the ARM management endpoint on 127.0.0.1: one agent pool, GET and PUT on it,
 * POST deleteMachines. PUT answers can be scripted (a 429 with Retry-After, say); unscripted PUTs
 * apply the body to the pool and return it, as ARM's first response of the update does.
 */
final class FakeArm implements AutoCloseable {
  record Request(String method, String path, String authorization, String body) {}

  record Scripted(int status, String retryAfter, String body) {}

  static final String POOL_PATH =
      "/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks/agentPools/np";

  private static final ObjectMapper JSON = new ObjectMapper();
  final List<Request> requests = new CopyOnWriteArrayList<>();
  final Deque<Scripted> putScript = new ArrayDeque<>();
  private final HttpServer server;
  private ObjectNode pool;

  FakeArm(int count, boolean autoscaling, int min, int max) throws IOException {
    pool = JSON.createObjectNode();
    pool.put("id", POOL_PATH);
    pool.put("name", "np");
    ObjectNode p = pool.putObject("properties");
    p.put("count", count);
    p.put("vmSize", "Standard_DS2_v2");
    p.put("osType", "Linux");
    p.put("mode", "User");
    p.put("enableAutoScaling", autoscaling);
    if (autoscaling) {
      p.put("minCount", min);
      p.put("maxCount", max);
    }
    p.put("provisioningState", "Succeeded");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", this::handle);
    server.start();
  }

  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  synchronized JsonNode pool() {
    return pool.deepCopy();
  }

  List<Request> writes() {
    return requests.stream().filter(r -> !r.method().equals("GET")).toList();
  }

  private synchronized void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getPath();
    requests.add(new Request(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization"), body));
    if (path.equals(POOL_PATH) && ex.getRequestMethod().equals("GET")) {
      send(ex, 200, null, pool.toString());
    } else if (path.equals(POOL_PATH) && ex.getRequestMethod().equals("PUT")) {
      Scripted s = putScript.pollFirst();
      if (s != null) {
        send(ex, s.status(), s.retryAfter(), s.body());
        return;
      }
      ObjectNode sent = (ObjectNode) JSON.readTree(body);
      ObjectNode props = (ObjectNode) pool.get("properties");
      props.setAll((ObjectNode) sent.get("properties"));
      props.put("provisioningState", "Updating");
      send(ex, 200, null, pool.toString());
    } else if (path.equals(POOL_PATH + "/deleteMachines") && ex.getRequestMethod().equals("POST")) {
      int n = JSON.readTree(body).path("machineNames").size();
      ObjectNode props = (ObjectNode) pool.get("properties");
      props.put("count", props.get("count").asInt() - n);
      send(ex, 202, null, "");
    } else {
      send(ex, 404, null, "{\"error\":{\"code\":\"NotFound\",\"message\":\"no " + path + "\"}}");
    }
  }

  private static void send(HttpExchange ex, int status, String retryAfter, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (retryAfter != null) ex.getResponseHeaders().set("Retry-After", retryAfter);
    ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
    if (b.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(b);
      }
    } else {
      ex.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
