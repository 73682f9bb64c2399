package io.hns.live.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.hns.live.Decision;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HealthServerTest {
  @Test
  @DisplayName("/healthz and /readyz follow the loop and informers; /metrics has decisions, actions and errors")
  void endpoints() throws Exception {
    LiveMetrics metrics = new LiveMetrics();
    AtomicBoolean ready = new AtomicBoolean(false);
    metrics.accept(new Decision(0, "burst", "patch-template", "Deployment/web/api", "", "", Decision.Outcome.APPLIED));
    metrics.accept(new Decision(0, "burst", "scale", "Deployment/web/api", "", "", Decision.Outcome.DRY_RUN));
    metrics.error("observe");
    try (HealthServer s = HealthServer.start("127.0.0.1", 0, metrics, () -> true, ready::get)) {
      HttpClient http = HttpClient.newHttpClient();
      String base = "http://127.0.0.1:" + s.port();
      assertThat(get(http, base + "/healthz").statusCode()).isEqualTo(200);
      assertThat(get(http, base + "/readyz").statusCode()).isEqualTo(503);
      ready.set(true);
      assertThat(get(http, base + "/readyz").statusCode()).isEqualTo(200);
      String body = get(http, base + "/metrics").body();
      assertThat(body).contains(
          "hns_decisions_total{action=\"patch-template\",outcome=\"applied\",policy=\"burst\"} 1.0",
          "hns_decisions_total{action=\"scale\",outcome=\"dry_run\",policy=\"burst\"} 1.0",
          "hns_actions_total{action=\"patch-template\"} 1.0",
          "hns_errors_total{source=\"observe\"} 1.0");
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
