package io.hns.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The HTTP side of the emulator: a Kubernetes API on loopback, served with the JDK's HTTP server
 * (HTTP/1.1, chunked streaming for watches, as client-go watches). Every request runs under the
 * emulator's lock, after the simulation has caught up with the wall clock; watches stream outside
 * it from their queues.
 */
final class ApiServer {
  private static final long DEFAULT_WATCH_MS = 30 * 60_000L;

  private final Emulator emulator;
  private final ApiResources resources = new ApiResources();
  private final HttpServer http;
  private final ExecutorService executor;

  ApiServer(Emulator emulator, int port) throws IOException {
    this.emulator = emulator;
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "hns-emulator-http");
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
  }

  void start() {
    http.start();
  }

  int port() {
    return http.getAddress().getPort();
  }

  void stop() {
    http.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  ApiResources resources() {
    return resources;
  }

  // ---- request parsing ---------------------------------------------------------------------

  /** One request: method, path segments, query, headers and body. */
  record Request(String method, List<String> segments, Map<String, String> query, String accept, String contentType,
      String body, boolean websocket) {
    String param(String name) {
      return query.get(name);
    }

    boolean table() {
      return accept != null && accept.contains("as=Table");
    }

    boolean watch() {
      String w = query.get("watch");
      return w != null && (w.equals("true") || w.equals("1"));
    }

    boolean dryRun() {
      return query.containsKey("dryRun");
    }
  }

  private static Request parse(HttpExchange ex) throws IOException {
    String rawPath = ex.getRequestURI().getRawPath();
    List<String> segs = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) segs.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
    }
    Map<String, String> query = new HashMap<>();
    String raw = ex.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String kv : raw.split("&")) {
        if (kv.isEmpty()) continue;
        int eq = kv.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
        query.put(k, v);
      }
    }
    byte[] bytes = ex.getRequestBody().readAllBytes();
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    String body;
    if (ProtobufBodies.isProtobuf(contentType) && bytes.length > 0) {
      body = Json.text(ProtobufBodies.decode(bytes));
      contentType = "application/json";
    } else if (contentType != null && contentType.contains("cbor")) {
      throw ApiException.unsupportedMediaType(contentType);
    } else {
      body = new String(bytes, StandardCharsets.UTF_8);
    }
    String upgrade = ex.getRequestHeaders().getFirst("Upgrade");
    return new Request(ex.getRequestMethod().toUpperCase(), segs, query, ex.getRequestHeaders().getFirst("Accept"),
        contentType, body, upgrade != null && upgrade.equalsIgnoreCase("websocket"));
  }

  // ---- dispatch ----------------------------------------------------------------------------

  private void handle(HttpExchange ex) {
    boolean streaming = false;
    try {
      Request r = parse(ex);
      streaming = route(ex, r);
    } catch (ApiException e) {
      send(ex, e.code(), e.status());
    } catch (RuntimeException | IOException e) {
      System.err.println("hns emulate: internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + e);
      e.printStackTrace();
      send(ex, 500, ApiException.status(500, "InternalError", "Internal error occurred: " + e, null, null, null, null));
    } finally {
      if (!streaming) {
        ex.close();
      }
    }
  }

  /** Returns true when the response is a stream that closes itself. */
  private boolean route(HttpExchange ex, Request r) throws IOException {
    List<String> s = r.segments();
    if (s.isEmpty()) {
      ObjectNode paths = Json.object();
      ArrayNode list = paths.putArray("paths");
      for (String p : List.of("/api", "/api/v1", "/apis", "/healthz", "/livez", "/readyz", "/version")) list.add(p);
      send(ex, 200, paths);
      return false;
    }
    switch (s.get(0)) {
      case "version" -> {
        send(ex, 200, version());
        return false;
      }
      case "openapi" -> {
        openapi(ex, r, s);
        return false;
      }
      case "healthz", "livez", "readyz" -> {
        sendText(ex, 200, "ok");
        return false;
      }
      case "api" -> {
        if (s.size() == 1) {
          send(ex, 200, resources.apiVersions("127.0.0.1:" + port()));
          return false;
        }
        if (!s.get(1).equals("v1")) throw notFound();
        if (s.size() == 2) {
          send(ex, 200, resources.resourceList("", "v1"));
          return false;
        }
        return resource(ex, r, "", "v1", s.subList(2, s.size()));
      }
      case "apis" -> {
        if (s.size() == 1) {
          send(ex, 200, resources.groupList());
          return false;
        }
        String group = s.get(1);
        if (!resources.hasGroupVersion(group, null) || group.isEmpty()) throw notFound();
        if (s.size() == 2) {
          send(ex, 200, resources.group(group));
          return false;
        }
        String version = s.get(2);
        if (!resources.hasGroupVersion(group, version)) throw notFound();
        if (s.size() == 3) {
          send(ex, 200, resources.resourceList(group, version));
          return false;
        }
        return resource(ex, r, group, version, s.subList(3, s.size()));
      }
      default -> throw notFound();
    }
  }

  /**
   * /openapi/v3 and /openapi/v3/api/v1, /openapi/v3/apis/G/V ({@link OpenApi}); /openapi/v2 is an
   * empty document: kubectl up to 1.26 validates against it on the client and skips the kinds it
   * has no schema for.
   */
  private void openapi(HttpExchange ex, Request r, List<String> s) {
    if (s.size() == 2 && s.get(1).equals("v2")) {
      if (r.accept() != null && r.accept().contains("protobuf")) {
        try {
          ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
          ex.sendResponseHeaders(200, -1);
        } catch (IOException e) {
          // the client went away
        }
        return;
      }
      ObjectNode doc = Json.object();
      doc.put("swagger", "2.0");
      ObjectNode info = doc.putObject("info");
      info.put("title", "Kubernetes (hns emulator)");
      info.put("version", emulator.aks().kubernetesVersion());
      doc.putObject("paths");
      doc.putObject("definitions");
      send(ex, 200, doc);
      return;
    }
    if (s.size() < 2 || !s.get(1).equals("v3")) throw notFound();
    String k8s = emulator.aks().kubernetesVersion();
    if (s.size() == 2) {
      send(ex, 200, OpenApi.discovery(resources, k8s));
      return;
    }
    ObjectNode doc = null;
    if (s.size() == 4 && s.get(2).equals("api") && s.get(3).equals("v1")) {
      doc = OpenApi.document(resources, "", "v1", k8s);
    } else if (s.size() == 5 && s.get(2).equals("apis")) {
      doc = OpenApi.document(resources, s.get(3), s.get(4), k8s);
    }
    if (doc == null) throw notFound();
    send(ex, 200, doc);
  }

  private static ApiException notFound() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource");
  }

  private ObjectNode version() {
    String v = emulator.aks().kubernetesVersion();
    String[] parts = v.substring(1).split("\\.");
    ObjectNode o = Json.object();
    o.put("major", parts[0]);
    o.put("minor", parts[1]);
    o.put("gitVersion", v);
    o.put("gitCommit", "hns-emulator");
    o.put("gitTreeState", "clean");
    o.put("buildDate", "2021-03-19T10:00:00Z");
    o.put("goVersion", v.startsWith("v1.19.") ? "go1.15.8" : "go1.24.0");
    o.put("compiler", "gc");
    o.put("platform", "linux/amd64");
    return o;
  }

  /** /api/v1/... or /apis/G/V/...: {@code rest} is [namespaces, NS,] RESOURCE [, NAME [, SUB]]. */
  private boolean resource(HttpExchange ex, Request r, String group, String version, List<String> rest) throws IOException {
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      ResourceType inNs = resources.find(group, version, rest.get(2));
      if (inNs != null && inNs.namespaced()) {
        namespace = rest.get(1);
        rest = rest.subList(2, rest.size());
      }
    }
    ResourceType t = resources.find(group, version, rest.get(0));
    if (t == null || rest.size() > 3) throw notFound();
    if (namespace != null && !t.namespaced()) throw notFound();
    String name = rest.size() >= 2 ? rest.get(1) : null;
    String sub = rest.size() == 3 ? rest.get(2) : null;
    if (sub != null && !t.subresources().contains(sub)) throw notFound();
    if (t.storage().startsWith("metrics.k8s.io/")) {
      metrics(ex, r, t, namespace, name);
      return false;
    }
    String ns = namespace == null ? "" : namespace;
    if (sub != null) {
      subresource(ex, r, t, ns, name, sub);
      return false;
    }
    switch (r.method()) {
      case "GET" -> {
        if (name == null && r.watch()) {
          watch(ex, r, t, ns);
          return true;
        }
        if (name == null) {
          send(ex, 200, emulator.locked(() -> list(r, t, ns)));
        } else {
          send(ex, 200, emulator.locked(() -> {
            ObjectNode o = get(t, ns, name);
            return r.table() ? Tables.table(t, List.of(o), null, r.param("includeObject"), emulator.clock().wallNow(), true) : o;
          }));
        }
        return false;
      }
      case "POST" -> {
        if (name != null) throw ApiException.methodNotAllowed("POST is not supported on a single " + t.kind() + " (use PUT or PATCH)");
        if (t.namespaced() && namespace == null) throw notFound();
        require(t, "create");
        ObjectNode body = Json.parseObject(r.body(), isYaml(r.contentType()));
        send(ex, 201, emulator.locked(() -> {
          String[] key = emulator.writes().create(t, ns, body, r.dryRun());
          if (r.dryRun()) {
            return Conversions.toStorage(t, body);
          }
          emulator.settle(); // a pod (or node) reaches the store through the mirror
          return get(t, key[0], key[1]);
        }));
        return false;
      }
      case "PUT" -> {
        if (name == null) throw ApiException.methodNotAllowed("PUT needs an object name");
        require(t, "update");
        ObjectNode body = Json.parseObject(r.body(), isYaml(r.contentType()));
        send(ex, 200, emulator.locked(() -> {
          emulator.writes().update(t, ns, name, body, r.dryRun(), true);
          emulator.settle();
          return get(t, ns, name);
        }));
        return false;
      }
      case "PATCH" -> {
        if (name == null) throw ApiException.methodNotAllowed("PATCH needs an object name");
        require(t, "patch");
        JsonNode patch = Json.parse(r.body(), isYaml(r.contentType()));
        int[] code = {200};
        ObjectNode out = emulator.locked(() -> {
          ObjectNode stored = emulator.store().get(t.storage(), ns, name);
          if (stored == null) {
            if (isApply(r.contentType()) && patch.isObject()) {
              String[] key = emulator.writes().create(t, ns, (ObjectNode) patch, r.dryRun());
              code[0] = 201;
              if (r.dryRun()) {
                return Conversions.toStorage(t, (ObjectNode) patch);
              }
              emulator.settle();
              return get(t, key[0], key[1]);
            }
            throw ApiException.notFound(t, name);
          }
          ObjectNode current = Conversions.fromStorage(t, stored).deepCopy();
          JsonNode patched = Patches.apply(r.contentType(), current, patch);
          if (!(patched instanceof ObjectNode po)) throw ApiException.badRequest("the patch did not produce an object");
          emulator.writes().update(t, ns, name, po, r.dryRun(), false);
          emulator.settle();
          return get(t, ns, name);
        });
        send(ex, code[0], out);
        return false;
      }
      case "DELETE" -> {
        require(t, name == null ? "deletecollection" : "delete");
        JsonNode options = r.body().isBlank() ? null : Json.parse(r.body(), false);
        if (name == null) {
          send(ex, 200, emulator.locked(() -> deleteCollection(r, t, ns, options)));
          return false;
        }
        send(ex, 200, emulator.locked(() -> {
          ObjectNode before = get(t, ns, name);
          boolean graceful = emulator.writes().delete(t, ns, name, options, r.dryRun());
          if (graceful) {
            ObjectNode after = emulator.store().get(t.storage(), ns, name);
            return after == null ? before : Conversions.fromStorage(t, after);
          }
          ObjectNode st = ApiException.status(200, null, "", t.group(), t.name(), name, null);
          ((ObjectNode) st.get("details")).put("uid", Json.str(before, "metadata", "uid"));
          st.remove("message");
          return st;
        }));
        return false;
      }
      default -> throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource");
    }
  }

  private static void require(ResourceType t, String verb) {
    if (!t.allows(verb)) {
      throw ApiException.methodNotAllowed("the server does not allow this method on the requested resource (" + verb
          + " " + t.qualified() + ")");
    }
  }

  private static boolean isYaml(String contentType) {
    return contentType != null && contentType.contains("yaml");
  }

  private static boolean isApply(String contentType) {
    return contentType != null && contentType.startsWith(Patches.APPLY);
  }

  private ObjectNode get(ResourceType t, String ns, String name) {
    ObjectNode o = emulator.store().get(t.storage(), ns, name);
    if (o == null) {
      throw ApiException.notFound(t, name);
    }
    return Conversions.fromStorage(t, o);
  }

  private Predicate<JsonNode> filter(Request r) {
    Predicate<JsonNode> labels = Selectors.labels(r.param("labelSelector"));
    Predicate<JsonNode> fields = Selectors.fields(r.param("fieldSelector"));
    return o -> labels.test(o) && fields.test(o);
  }

  private ObjectNode list(Request r, ResourceType t, String ns) {
    Predicate<JsonNode> f = filter(r);
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode o : emulator.store().list(t.storage(), ns)) {
      if (f.test(o)) {
        items.add(Conversions.fromStorage(t, o));
      }
    }
    String rv = Long.toString(emulator.store().resourceVersion());
    if (r.table()) {
      return Tables.table(t, items, rv, r.param("includeObject"), emulator.clock().wallNow(), true);
    }
    return listObject(t, items, rv);
  }

  private static ObjectNode listObject(ResourceType t, List<ObjectNode> items, String rv) {
    ObjectNode list = Json.object();
    list.put("kind", t.kind() + "List");
    list.put("apiVersion", t.apiVersion());
    ObjectNode meta = list.putObject("metadata");
    if (rv != null) meta.put("resourceVersion", rv);
    ArrayNode arr = list.putArray("items");
    items.forEach(arr::add);
    return list;
  }

  private ObjectNode deleteCollection(Request r, ResourceType t, String ns, JsonNode options) {
    Predicate<JsonNode> f = filter(r);
    List<ObjectNode> deleted = new ArrayList<>();
    for (ObjectNode o : emulator.store().list(t.storage(), ns)) {
      if (f.test(o)) {
        ObjectNode view = Conversions.fromStorage(t, o);
        emulator.writes().delete(t, Json.namespace(o), Json.name(o), options, r.dryRun());
        deleted.add(view);
      }
    }
    return listObject(t, deleted, Long.toString(emulator.store().resourceVersion()));
  }

  private void subresource(HttpExchange ex, Request r, ResourceType t, String ns, String name, String sub) throws IOException {
    switch (sub) {
      case "scale" -> {
        switch (r.method()) {
          case "GET" -> send(ex, 200, emulator.locked(() -> emulator.writes().scale(t, ns, name)));
          case "PUT", "PATCH" -> {
            JsonNode body = Json.parse(r.body(), isYaml(r.contentType()));
            send(ex, 200, emulator.locked(() -> {
              ObjectNode current = emulator.writes().scale(t, ns, name);
              JsonNode next = r.method().equals("PUT") ? body : Patches.apply(r.contentType(), current, body);
              if (!(next instanceof ObjectNode no)) throw ApiException.badRequest("a Scale must be an object");
              if (r.method().equals("PATCH") && no.path("metadata").path("resourceVersion").asText("")
                  .equals(current.path("metadata").path("resourceVersion").asText())) {
                ((ObjectNode) no.get("metadata")).remove("resourceVersion");
              }
              emulator.writes().setScale(t, ns, name, no, r.dryRun());
              return emulator.writes().scale(t, ns, name);
            }));
          }
          default -> throw ApiException.methodNotAllowed("scale supports get, update and patch");
        }
      }
      case "status" -> {
        if (!Set.of("GET", "PUT", "PATCH").contains(r.method())) {
          throw ApiException.methodNotAllowed("status supports get, update and patch");
        }
        // The simulated controllers own every status: writes are accepted and ignored.
        send(ex, 200, emulator.locked(() -> get(t, ns, name)));
      }
      case "eviction" -> {
        if (!r.method().equals("POST")) throw ApiException.methodNotAllowed("eviction supports create only");
        ObjectNode body = r.body().isBlank() ? Json.object() : Json.parseObject(r.body(), isYaml(r.contentType()));
        send(ex, 201, emulator.locked(() -> {
          emulator.writes().evict(t, ns, name, body);
          ObjectNode st = ApiException.status(201, null, "", null, null, null, null);
          st.remove("message");
          return st;
        }));
      }
      case "log" -> {
        if (!r.method().equals("GET")) throw ApiException.methodNotAllowed("log supports get only");
        String text = emulator.locked(() -> {
          ObjectNode pod = get(t, ns, name);
          return "hns emulator: pod " + ns + "/" + name + " runs in the simulation, which keeps no container logs"
              + (pod.path("spec").path("nodeName").asText("").isEmpty() ? "" : " (node " + pod.path("spec").path("nodeName").asText() + ")")
              + "\n";
        });
        sendText(ex, 200, text);
      }
      default -> throw notFound();
    }
  }

  private void metrics(HttpExchange ex, Request r, ResourceType t, String namespace, String name) {
    if (!r.method().equals("GET")) throw ApiException.methodNotAllowed("the metrics API is read-only");
    if (r.watch()) throw ApiException.methodNotAllowed("the metrics API does not support watch");
    boolean pods = t.name().equals("pods");
    String ns = namespace == null ? "" : namespace;
    ObjectNode out = emulator.locked(() -> {
      List<ObjectNode> all = pods ? emulator.mirror().podMetrics(ns) : emulator.mirror().nodeMetrics();
      Predicate<JsonNode> f = filter(r);
      List<ObjectNode> items = new ArrayList<>();
      for (ObjectNode o : all) {
        if ((name == null || name.equals(Json.name(o))) && f.test(o)) items.add(o);
      }
      if (name != null) {
        if (items.isEmpty()) {
          throw new ApiException(404, "NotFound", (pods ? "podmetrics" : "nodemetrics") + ".metrics.k8s.io \"" + name + "\" not found");
        }
        return items.get(0);
      }
      if (r.table()) {
        return Tables.table(t, items, null, r.param("includeObject"), emulator.clock().wallNow(), true);
      }
      ObjectNode list = listObject(t, items, null);
      list.put("kind", pods ? "PodMetricsList" : "NodeMetricsList");
      return list;
    });
    send(ex, 200, out);
  }

  // ---- watch -------------------------------------------------------------------------------

  private void watch(HttpExchange ex, Request r, ResourceType t, String ns) throws IOException {
    if (r.websocket()) {
      // fabric8 asks for a WebSocket watch first and falls back to a streaming HTTP GET when the
      // upgrade is refused with 200 (as by kubectl proxy, kubernetes#25126) or 503 (which its HTTP
      // layer first retries for a minute and more). The JDK's HTTP server cannot upgrade, and a
      // streaming 200 would never end the refusal (the client reads it whole): a short 200 it is.
      // kubectl and client-go never ask.
      send(ex, 200, ApiException.status(200, null, "the emulator serves watches as streaming HTTP, not over WebSocket",
          null, null, null, null));
      ex.close();
      return;
    }
    Predicate<JsonNode> f = filter(r);
    ObjectStore.Watch w = emulator.locked(() -> emulator.store().watch(t.storage(), ns, f, r.param("resourceVersion")));
    long timeout = DEFAULT_WATCH_MS;
    if (r.param("timeoutSeconds") != null) {
      try {
        timeout = Long.parseLong(r.param("timeoutSeconds")) * 1000;
      } catch (NumberFormatException e) {
        w.close();
        throw ApiException.badRequest("invalid timeoutSeconds \"" + r.param("timeoutSeconds") + "\"");
      }
    }
    long deadline = System.currentTimeMillis() + timeout;
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.getResponseHeaders().set("Cache-Control", "no-cache, private");
    ex.sendResponseHeaders(200, 0);
    try (OutputStream os = ex.getResponseBody()) {
      while (!w.closed) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) break;
        ObjectStore.Event e = w.queue.poll(Math.min(left, 1000), TimeUnit.MILLISECONDS);
        if (e == null) continue;
        if (e == ObjectStore.Event.CLOSED) break;
        ObjectNode obj = Conversions.fromStorage(t, e.object());
        if (r.table()) {
          obj = Tables.table(t, List.of(obj), Long.toString(e.resourceVersion()), r.param("includeObject"),
              emulator.clock().wallNow(), true);
        }
        ObjectNode event = Json.object();
        event.put("type", e.type());
        event.set("object", obj);
        byte[] line = Json.bytes(event);
        os.write(line);
        os.write('\n');
        os.flush();
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      w.close();
      ex.close();
    }
  }

  // ---- responses ---------------------------------------------------------------------------

  private static void send(HttpExchange ex, int code, JsonNode body) {
    try {
      byte[] bytes = Json.bytes(body);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.getResponseHeaders().set("Cache-Control", "no-cache, private");
      ex.sendResponseHeaders(code, bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static void sendText(HttpExchange ex, int code, String text) {
    try {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
      ex.sendResponseHeaders(code, bytes.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(bytes);
      }
    } catch (IOException e) {
      // the client went away
    }
  }
}
