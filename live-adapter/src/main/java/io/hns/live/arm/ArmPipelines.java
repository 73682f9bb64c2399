package io.hns.live.arm;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.resources.fluentcore.utils.HttpPipelineProvider;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP pipelines the Azure SDK talks to ARM through. Both use the JDK HttpClient (not Netty,
 * see the root pom) and no SDK retries: a 429 must reach {@link ArmNodeGroup}, which waits out
 * {@code Retry-After} across loops instead of blocking a loop thread inside the SDK.
 */
public final class ArmPipelines {
  public static final String SCOPE = "https://management.azure.com/.default";

  private ArmPipelines() {}

  /** Public Azure, the given credential (DefaultAzureCredential in production). */
  public static HttpPipeline azure(TokenCredential credential, AzureProfile profile) {
    return HttpPipelineProvider.buildHttpPipeline(credential, profile, new String[] {SCOPE}, null, null,
        noRetries(), List.of(), httpClient());
  }

  /**
   * A pipeline to a stand-in ARM on loopback over plain HTTP (tests, the emulator). The SDK's
   * bearer-token policy refuses plain HTTP, so this one adds the token itself; it refuses any host
   * but loopback so a token never leaves the machine unencrypted.
   */
  public static HttpPipeline loopback(TokenCredential credential) {
    return new HttpPipelineBuilder()
        .httpClient(httpClient())
        .policies(new UserAgentPolicy("hns-live"), new LoopbackBearerToken(credential))
        .build();
  }

  /** An Azure environment whose resource manager is {@code endpoint} (for loopback stand-ins). */
  public static AzureEnvironment environmentAt(String endpoint) {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", endpoint.endsWith("/") ? endpoint : endpoint + "/");
    return new AzureEnvironment(endpoints);
  }

  private static RetryPolicy noRetries() {
    return new RetryPolicy(new FixedDelay(0, Duration.ofMillis(1)));
  }

  private static HttpClient httpClient() {
    return new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(10)).responseTimeout(Duration.ofSeconds(60)).build();
  }

  private static final class LoopbackBearerToken extends HttpPipelineSyncPolicy {
    private final TokenCredential credential;

    LoopbackBearerToken(TokenCredential credential) {
      this.credential = credential;
    }

    @Override
    protected void beforeSendingRequest(com.azure.core.http.HttpPipelineCallContext context) {
      URI uri;
      try {
        uri = context.getHttpRequest().getUrl().toURI();
      } catch (java.net.URISyntaxException e) {
        throw new IllegalArgumentException(e);
      }
      String host = uri.getHost();
      if (!("127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host) || "::1".equals(host))) {
        throw new IllegalStateException("refusing to send an ARM token over plain HTTP to " + host);
      }
      String token = credential.getTokenSync(new TokenRequestContext().addScopes(SCOPE)).getToken();
      context.getHttpRequest().setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
      return HttpPipelinePosition.PER_RETRY;
    }
  }
}
