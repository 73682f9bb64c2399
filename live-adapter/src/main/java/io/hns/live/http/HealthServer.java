package io.hns.live.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz} (liveness: the loop has run recently), {@code /readyz} (readiness: informers
 * synced) and {@code /metrics} (Prometheus text format) on one port, with the JDK's HTTP server.
 */
public final class HealthServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "hns-http");
    t.setDaemon(true);
    return t;
  });

  private HealthServer(HttpServer server) {
    this.server = server;
  }

  /** @param port 0 picks a free port (see {@link #port()}) */
  public static HealthServer start(String host, int port, LiveMetrics metrics, BooleanSupplier live, BooleanSupplier ready)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(host, port), 16);
    HealthServer h = new HealthServer(s);
    s.createContext("/healthz", ex -> status(ex, live.getAsBoolean(), "alive", "loop stalled"));
    s.createContext("/readyz", ex -> status(ex, ready.getAsBoolean(), "ready", "informers not synced"));
    s.createContext("/metrics", new MetricsHandler(metrics.registry()));
    s.setExecutor(h.executor);
    s.start();
    return h;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void status(HttpExchange ex, boolean ok, String yes, String no) throws IOException {
    byte[] body = ((ok ? yes : no) + "\n").getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    ex.sendResponseHeaders(ok ? 200 : 503, body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
